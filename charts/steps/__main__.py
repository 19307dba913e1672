"""Rebuild every published dataset that a step derives from raw inputs."""

from __future__ import annotations

import sys

from ..datasets import DATA_DIR
from . import run

if __name__ == "__main__":
    for name in run(DATA_DIR):
        print(DATA_DIR / name)
    sys.exit(0)
