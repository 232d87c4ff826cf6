"""The model card (markdown) and its reliability diagram (PNG), written by training."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, never a display: training runs on servers and in CI

from matplotlib import pyplot as plt

from marketplace.underwriting.metrics import Evaluation

INTENDED_USE = """\
## Intended use

Scores one invoice at quote time: the probability that it becomes a claim (unpaid 90 days
past due, or the buyer insolvent before paying), a grade A-E, and the features that pushed
the risk up. Insurer products use it with their own appetite and pricing terms.

## Limits

- Trained on the synthetic book described in `marketplace/underwriting/synthetic.py` unless
  the metadata names another book: it knows the world of that process, not a real portfolio.
  Retrain on real history (`marketplace underwriting train`) before relying on it.
- Amounts are minor units of the invoice currency and are not converted: the synthetic book
  is about 90 % EUR, so amounts in other currencies are judged on an EUR-like scale.
- Buyer features are a snapshot; a buyer that changes fast (new incidents, filings) needs
  re-scoring with fresh data.
- Countries rarer than the vocabulary threshold share one `unknown` code; sectors are ranked
  by training claim rate, and the model is monotone in that rank, in payment incidents,
  days beyond terms, prior late ratio and tenor.
"""


def _percent(value: float) -> str:
    return f"{100 * value:.2f} %"


def _calibration_rows(holdout: dict[str, Any]) -> list[str]:
    rows = ["| decile | rows | mean predicted | observed |", "|---:|---:|---:|---:|"]
    for row in holdout["calibration"]:
        rows.append(
            f"| {row['decile']} | {row['rows']} | {_percent(row['mean_predicted'])}"
            f" | {_percent(row['observed_rate'])} |"
        )
    return rows


def _importance_rows(importance: dict[str, float]) -> list[str]:
    rows = ["| feature | share of gain |", "|---|---:|"]
    for name, share in sorted(importance.items(), key=lambda item: -item[1]):
        rows.append(f"| {name} | {_percent(share)} |")
    return rows


def _data_lines(metadata: dict[str, Any]) -> list[str]:
    data = metadata["training_data"]
    split = data["split_rows"]
    return [
        f"- Book: `{data['name']}`, SHA-256 `{data['sha256']}`",
        f"- {data['rows']} invoices, {data['buyers']} buyers, claim rate "
        f"{_percent(data['claim_rate'])}, issued {data['first_issue_date']} to "
        f"{data['last_issue_date']}",
        f"- Split by buyer (hash of buyer_id): {split['train']} training, "
        f"{split['validation']} validation (early stopping, calibration), "
        f"{split['test']} hold-out rows; no buyer in two parts",
    ]


def _calibration_sentence(calibration: dict[str, Any]) -> str:
    fitted = (
        f"Platt scaling fitted on the validation buyers (slope {calibration['fitted_slope']:.4f},"
        f" intercept {calibration['fitted_intercept']:.4f}) improves their likelihood by a ratio"
        f" of {calibration['likelihood_ratio']:.2f} over the raw model (critical value "
        f"{calibration['critical_value']:.2f} at 1 %): "
    )
    if calibration["applied"]:
        return fitted + "it is applied to every score."
    return fitted + "not applied, the raw model is calibrated within noise."


def _raw_brier_note(metadata: dict[str, Any]) -> str:
    if not metadata["calibration"]["applied"]:
        return ""
    return (
        f" (raw model before calibration: {metadata['metrics']['holdout_uncalibrated_brier']:.5f})"
    )


def render_card(metadata: dict[str, Any], plot_name: str) -> str:
    """MODEL_CARD.md for an artifact's metadata."""
    holdout = metadata["metrics"]["holdout"]
    bands = metadata["grade_scale"]
    grades = ", ".join(f"{band['grade']} below {_percent(band['below'])}" for band in bands[:-1])
    grades += f", {bands[-1]['grade']} from {_percent(bands[-2]['below'])}"
    lines = [
        f"# Model card: {metadata['model_version']}",
        "",
        "LightGBM binary classifier (text format `model.txt`), LightGBM "
        f"{metadata['lightgbm_version']}, {metadata['best_iteration']} trees of at most "
        f"{metadata['params']['num_leaves']} leaves.",
        "",
        _calibration_sentence(metadata["calibration"]),
        "",
        "## Training data",
        "",
        *_data_lines(metadata),
        "",
        "## Hold-out quality",
        "",
        f"- AUC {holdout['auc']:.4f}",
        f"- Brier score {holdout['brier']:.5f}, log loss {holdout['log_loss']:.5f}"
        + _raw_brier_note(metadata),
        f"- Mean predicted {_percent(holdout['mean_predicted'])}, observed claim rate "
        f"{_percent(holdout['observed_rate'])} ({holdout['claims']} claims in "
        f"{holdout['rows']} invoices)",
        "",
        "### Calibration by decile",
        "",
        *_calibration_rows(holdout),
        "",
        f"![Reliability diagram]({plot_name})",
        "",
        "## Feature importance",
        "",
        *_importance_rows(metadata["feature_importance_gain_share"]),
        "",
        f"Grades by probability of default: {grades}.",
        "",
        INTENDED_USE,
    ]
    return "\n".join(lines)


def render_reliability_plot(holdout: Evaluation, path: Path) -> None:
    """Mean predicted against observed claim rate per decile, on log axes, with the diagonal."""
    floor = 1e-4  # a decile with no claims is drawn on the floor rather than dropped
    predicted = [max(row.mean_predicted, floor) for row in holdout.calibration]
    observed = [max(row.observed_rate, floor) for row in holdout.calibration]
    figure, axes = plt.subplots(figsize=(5.0, 5.0), dpi=100)
    low, high = floor, max(1.0, *predicted, *observed)
    axes.plot([low, high], [low, high], color="grey", linestyle="--", label="perfect calibration")
    axes.plot(predicted, observed, marker="o", color="tab:blue", label="hold-out deciles")
    axes.set(xscale="log", yscale="log", xlabel="mean predicted probability")
    axes.set(ylabel="observed claim rate", title=f"Reliability ({holdout.rows} hold-out rows)")
    axes.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path, metadata={"Software": None})
    plt.close(figure)
