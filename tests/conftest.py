"""Session fixture: the site in its three editions, built once with --strict for every test that reads it."""

from __future__ import annotations

import pathlib

import pytest

from sitebuild import build_editions


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> pathlib.Path:
    """The site (English at the root, each edition in its folder), built once for the whole session."""
    dest = tmp_path_factory.mktemp("site")
    done = build_editions(dest)
    assert done.returncode == 0, f"the strict build failed:\n{done.stderr[-3000:]}"
    return dest
