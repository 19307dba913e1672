"""Steps that build published datasets from the raw inputs in charts/data/raw/ (`python -m charts.steps`)."""

from __future__ import annotations

import pathlib

from . import cameras_from_raw, trade_from_raw

# Published file name → the step that writes it.
STEPS = {trade_from_raw.OUTPUT: trade_from_raw, cameras_from_raw.OUTPUT: cameras_from_raw}


def run(data_dir: pathlib.Path, write: bool = True) -> dict[str, str]:
    """Each step's output as text; with `write`, also saved over the published file."""
    out = {name: step.build(data_dir) for name, step in STEPS.items()}
    if write:
        for name, text in out.items():
            (data_dir / name).write_text(text, encoding="utf-8")
    return out
