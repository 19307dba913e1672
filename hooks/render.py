"""MkDocs adapter: run the render step before each build, so that `mkdocs serve` picks up every edit."""

import logging
import pathlib
import subprocess
import sys

from mkdocs.exceptions import PluginError


def on_pre_build(config):
    # A fresh process, so that edited chart modules are imported anew on every live reload.
    done = subprocess.run(
        [sys.executable, "-m", "explainer", "render", config["docs_dir"]],
        cwd=pathlib.Path(config["config_file_path"]).parent,
        capture_output=True,
        text=True,
    )
    # The render step's notes (e.g. a build without a public address) are the build's to show: one line each.
    for line in done.stderr.splitlines():
        if line.startswith("note: "):
            logging.getLogger("mkdocs").info(line.removeprefix("note: "))
    if done.returncode:
        raise PluginError((done.stderr.strip().splitlines() or ["the render step failed"])[-1].removeprefix("error: "))
