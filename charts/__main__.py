"""Run the chart pipeline from the command line: python -m charts --help."""

from .cli import main

raise SystemExit(main())
