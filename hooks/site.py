"""MkDocs adapter: a few lines that hand each build step to the plain-Python `explainer` and `charts`."""
from __future__ import annotations

import functools
import pathlib

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from charts import publish
from charts.card import PLOTLY_ASSET
from charts.datasets import DataError
from explainer.content import IFRAME_WORKER_SHIM, root_prefix
from explainer.site import BUILD_ERRORS, Site

_site: Site | None = None


def _clean_errors(step):
    """Turn the packages' errors into a one-line build failure instead of a traceback."""

    @functools.wraps(step)
    def wrapped(*args, **kwargs):
        try:
            return step(*args, **kwargs)
        except (DataError, *BUILD_ERRORS) as error:
            raise PluginError(str(error)) from None

    return wrapped


@_clean_errors
def on_config(config):
    global _site
    _site = Site(
        config["nav"],
        pathlib.Path(config["docs_dir"]),
        config["site_name"],
        config["site_url"],
        config["site_author"],
        config["extra"]["corrections_url"],
    )


@_clean_errors
def on_files(files, config):
    # The site serves its own copies: plotly.js, the offline search shim, each chart's CSV, the data.
    files.append(File.generated(config, PLOTLY_ASSET, abs_src_path=str(publish.plotly_bundle())))
    files.append(File.generated(config, "assets/javascripts/iframe-worker/shim.js", abs_src_path=str(IFRAME_WORKER_SHIM)))
    for path, content in publish.files(built=_site.charts).items():
        files.append(File.generated(config, path, content=content))
    return files


@_clean_errors
def on_page_markdown(markdown, page, config, files):
    return _site.markdown(page.file.src_uri, markdown, root_prefix(page.url))


@_clean_errors
def on_page_content(html, page, config, files):
    return _site.html(page.file.src_uri, html, page.url, root_prefix(page.url))
