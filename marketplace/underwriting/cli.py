"""``marketplace underwriting``: synthesise a book, train, batch-score and evaluate a model."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from marketplace.underwriting.book import Book, load_book, write_book
from marketplace.underwriting.book_columns import BookError

if TYPE_CHECKING:
    from marketplace.underwriting.artifact_writer import TrainingData
    from marketplace.underwriting.training import Progress as TrainingProgress

DEFAULT_SEED = 7
BOOK_PATH = click.Path(dir_okay=False, path_type=Path)
BOOK_SUFFIXES = (".csv", ".parquet")
MODEL_DIR = click.Path(file_okay=False, path_type=Path)


@click.group()
def underwriting() -> None:
    """Underwriting model: synthetic book, training, batch scoring, evaluation."""


@contextmanager
def _refusals() -> Iterator[None]:
    """Turn a refused book, model or training run into a one-line error and exit status 1."""
    from marketplace.underwriting.artifact import ArtifactError
    from marketplace.underwriting.training import TrainingError

    try:
        yield
    except (BookError, ArtifactError, TrainingError) as error:
        raise click.ClickException(str(error)) from None


@underwriting.command()
@click.option("--rows", default=200_000, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=DEFAULT_SEED, show_default=True, type=int)
@click.option("--out", required=True, type=BOOK_PATH, help="book.parquet or book.csv")
@click.option("--with-truth", is_flag=True, help="Add each row's true claim probability.")
def synth(rows: int, seed: int, out: Path, with_truth: bool) -> None:
    """Write a synthetic book from the documented process (deterministic for a seed)."""
    from marketplace.underwriting.synthetic import generate_book

    if out.suffix.lower() not in BOOK_SUFFIXES:
        raise click.BadParameter("use a .parquet or .csv file name", param_hint="--out")
    book = generate_book(rows, seed)
    write_book(book.with_truth() if with_truth else book.table, out)
    claim_rate = pc.mean(book.table.column("claim")).as_py()
    click.echo(f"wrote {rows} invoices to {out} (seed {seed}, claim rate {claim_rate:.2%})")


@underwriting.command()
@click.option("--data", required=True, type=BOOK_PATH, help="Book to learn from (CSV/Parquet).")
@click.option("--out", required=True, type=MODEL_DIR, help="Artifact directory to write.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, type=int)
def train(data: Path, out: Path, seed: int) -> None:
    """Train, calibrate and evaluate a model; write model.txt, metadata.json and the card."""
    from marketplace.underwriting.artifact_writer import write_artifact
    from marketplace.underwriting.training import TrainingConfig, train_model

    started = time.perf_counter()
    with _refusals():
        book = load_book(data)
        with _progress_bar() as on_round:
            trained = train_model(book.table, TrainingConfig(seed=seed), on_round)
        artifact = write_artifact(out, trained, _training_data(data, book))
    holdout = trained.holdout
    click.echo(
        f"{artifact.model_version}: hold-out AUC {holdout.auc:.4f}, Brier {holdout.brier:.5f}, "
        f"{trained.best_iteration} trees, written to {out} "
        f"in {time.perf_counter() - started:.1f} s"
    )


@contextmanager
def _progress_bar() -> Iterator[TrainingProgress]:
    console = Console(stderr=True)
    columns = (TextColumn("boosting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("boosting", total=None)

        def on_round(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield on_round
        progress.update(task, total=progress.tasks[0].completed)


def _training_data(path: Path, book: Book) -> TrainingData:
    from marketplace.underwriting.artifact_writer import TrainingData

    dates = pc.min_max(book.table.column("issue_date")).as_py()
    return TrainingData(
        name=path.name,
        sha256=book.sha256,
        rows=book.table.num_rows,
        claim_rate=float(pc.mean(book.table.column("claim")).as_py()),
        first_issue_date=dates["min"].isoformat(),
        last_issue_date=dates["max"].isoformat(),
    )


@underwriting.command()
@click.option("--data", required=True, type=BOOK_PATH, help="Book to score (claim optional).")
@click.option("--out", required=True, type=BOOK_PATH, help="predictions.csv to write.")
@click.option("--model", "model_dir", default=None, type=MODEL_DIR, help="Default: shipped.")
def score(data: Path, out: Path, model_dir: Path | None) -> None:
    """Write invoice_id,probability_of_default for every row of a book."""
    from marketplace.underwriting.model import RiskModel

    with _refusals():
        book = load_book(data, require_claim=False)
        model = RiskModel.load(model_dir)
        probabilities = model.predict_table(book.table)
    predictions = pa.table(
        {
            "invoice_id": book.table.column("invoice_id"),
            "probability_of_default": pa.array(probabilities),
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    pcsv.write_csv(predictions, out)  # ids are quoted: a user's ids may hold commas
    click.echo(f"scored {predictions.num_rows} invoices with {model.model_version} into {out}")


@underwriting.command()
@click.option("--data", required=True, type=BOOK_PATH, help="Book with claim outcomes.")
@click.option("--model", "model_dir", default=None, type=MODEL_DIR, help="Default: shipped.")
def evaluate(data: Path, model_dir: Path | None) -> None:
    """Print AUC, Brier score and the calibration table of a model on a book, as JSON."""
    import numpy as np

    from marketplace.underwriting.metrics import evaluate as measure
    from marketplace.underwriting.model import RiskModel

    with _refusals():
        book = load_book(data)
        model = RiskModel.load(model_dir)
        outcomes = np.asarray(book.table.column("claim").to_numpy(), dtype=np.float64)
        if outcomes.min() == outcomes.max():
            raise BookError("claim", None, "evaluation needs both claims and non-claims")
        result = measure(model.predict_table(book.table), outcomes)
    report = {"model_version": model.model_version, "data": data.name} | result.to_json()
    click.echo(json.dumps(report, indent=2))
