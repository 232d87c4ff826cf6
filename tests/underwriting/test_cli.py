"""The ``marketplace underwriting`` commands, driven through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.csv as pcsv
import pyarrow.parquet as pq
from click.testing import CliRunner

from marketplace.cli import main
from marketplace.underwriting.book import BOOK_COLUMNS, load_book


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["underwriting", *args])
    return result.exit_code, result.stdout, result.stderr


def test_synth_writes_the_same_book_for_a_seed(tmp_path: Path) -> None:
    first, again = tmp_path / "a.parquet", tmp_path / "b.parquet"
    for path in (first, again):
        code, out, _ = _run("synth", "--rows", "500", "--seed", "3", "--out", str(path))
        assert code == 0, out
    assert "wrote 500 invoices" in out
    assert first.read_bytes() == again.read_bytes()
    assert tuple(pq.read_table(first).column_names) == BOOK_COLUMNS


def test_synth_writes_csv_and_can_add_the_truth(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    code, _, _ = _run("synth", "--rows", "300", "--out", str(path), "--with-truth")
    assert code == 0
    table = pcsv.read_csv(path)
    assert table.column_names == [*BOOK_COLUMNS, "true_probability"]
    assert load_book(path).table.num_rows == 300  # the extra column is ignored


def test_synth_refuses_an_unknown_format(tmp_path: Path) -> None:
    code, _, err = _run("synth", "--rows", "10", "--out", str(tmp_path / "book.xlsx"))
    assert code == 2
    assert ".parquet or .csv" in err


def test_train_writes_the_artifact_and_reports_quality(
    small_book_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "model"
    code, stdout, stderr = _run("train", "--data", str(small_book_path), "--out", str(out))
    assert code == 0, stdout + stderr
    assert {p.name for p in out.iterdir()} == {
        "model.txt", "metadata.json", "MODEL_CARD.md", "calibration.png",
    }  # fmt: skip
    assert "hold-out AUC" in stdout
    assert "boosting" in stderr  # the progress bar


def test_score_writes_one_probability_per_invoice(small_book_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "predictions.csv"
    code, stdout, _ = _run("score", "--data", str(small_book_path), "--out", str(out))
    assert code == 0, stdout
    predictions = pcsv.read_csv(out)
    assert predictions.column_names == ["invoice_id", "probability_of_default"]
    assert predictions.num_rows == 4_000
    probabilities = predictions.column("probability_of_default").to_pylist()
    assert all(0.0 < p < 1.0 for p in probabilities)
    assert out.read_text().splitlines()[1].startswith('"inv_0000001",')


def test_evaluate_prints_auc_brier_and_calibration_as_json(small_book_path: Path) -> None:
    code, stdout, _ = _run("evaluate", "--data", str(small_book_path))
    assert code == 0, stdout
    report = json.loads(stdout)
    assert report["rows"] == 4_000
    assert report["auc"] > 0.8
    assert 0.0 < report["brier"] < 0.1
    assert [row["decile"] for row in report["calibration"]] == list(range(1, 11))
    assert report["model_version"].startswith("uw-")


def test_a_malformed_book_is_refused_with_column_and_row(tmp_path: Path) -> None:
    book = tmp_path / "book.csv"
    code, _, _ = _run("synth", "--rows", "50", "--out", str(book))
    assert code == 0
    lines = book.read_text().splitlines()
    lines[3] = lines[3].replace('"FR"', '"France"', 1)
    book.write_text("\n".join(lines) + "\n")
    for command in (["train", "--out", str(tmp_path / "m")], ["evaluate"]):
        code, _, err = _run(*command, "--data", str(book))
        assert code == 1
        assert "column 'buyer_country', row 3" in err


def test_a_missing_model_directory_is_refused(small_book_path: Path, tmp_path: Path) -> None:
    code, _, err = _run("evaluate", "--data", str(small_book_path), "--model", str(tmp_path))
    assert code == 1
    assert "cannot read model artifact" in err
