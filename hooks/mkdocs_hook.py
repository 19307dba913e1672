"""MkDocs adapter: run the render step before each build, so that `mkdocs serve` picks up every edit."""

import logging
import pathlib
import subprocess
import sys

from mkdocs.exceptions import PluginError

flags = []


def on_startup(command, dirty):
    # `make serve` renders no worksheets, slides or preview cards: nobody reads them while editing.
    flags[:] = ["--preview"] if command == "serve" else []


def on_config(config):
    # The preview leaves out the files pages link to (worksheets, slides): under serve a link to one is a note.
    if flags:
        config["validation"]["links"]["not_found"] = logging.INFO


def on_serve(server, config, builder):
    # The render step writes docs_dir; its sources are mkdocs.yml's `watch:` list. Watching both would build twice.
    server.unwatch(config["docs_dir"])


def on_pre_build(config):
    # A fresh process, so that edited chart modules are imported anew on every live reload.
    render = ["-m", "explainer", "render", config["docs_dir"], "--language", config["theme"]["language"], *flags]
    render += [] if config["use_directory_urls"] else ["--no-directory-urls"]
    done = subprocess.run(
        [sys.executable, *render], cwd=pathlib.Path(config["config_file_path"]).parent, capture_output=True, text=True
    )
    for line in done.stderr.splitlines():
        if line.startswith("note: "):
            logging.getLogger("mkdocs").info(line.removeprefix("note: "))
    if done.returncode:
        raise PluginError((done.stderr.strip().splitlines() or ["the render step failed"])[-1].removeprefix("error: "))


def _valid_switches(output):
    # Material's base.html gives its drawer and search switches (checkboxes) autocomplete="off", which HTML allows
    # only on text-like inputs (the Nu Html Checker reports it on every page). base.html has no block around them.
    for switch in ("__drawer", "__search"):
        output = output.replace(f'type="checkbox" id="{switch}" autocomplete="off"', f'type="checkbox" id="{switch}"')
    return output


def on_post_page(output, page, config):
    return _valid_switches(output)


def on_post_template(output_content, template_name, config):
    # 404.html is built from a template, not a page.
    return _valid_switches(output_content)
