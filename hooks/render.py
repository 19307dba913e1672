"""MkDocs adapter: run the render step before each build, so that `mkdocs serve` picks up every edit."""

import logging
import os
import pathlib
import subprocess
import sys

from mkdocs.exceptions import PluginError

warm = None


def on_startup(command, dirty):
    # `mkdocs serve`: one browser kept open for every rebuild's pictures and worksheets (charts/warm.py).
    global warm
    if command == "serve":
        # Its own session: Ctrl+C stops MkDocs, whose shutdown then closes the server's input, and so stops it.
        warm = subprocess.Popen(
            [sys.executable, "-m", "charts.warm"],
            cwd=pathlib.Path(__file__).resolve().parent.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        name, _, address = warm.stdout.readline().decode().strip().partition("=")
        if name:
            os.environ[name] = address


def on_serve(server, config, builder):
    # The render step writes docs_dir; its sources are mkdocs.yml's `watch:` list. Watching both would build twice.
    server.unwatch(config["docs_dir"])
    return server


def on_shutdown():
    if warm:
        warm.stdin.close()


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
