"""Write tests/data/article-shingles.txt: the hashed 10-word runs of the source article, so that the copied-words
test runs on a clone without the article beside it. Run where ../shared/source/article.txt exists:
`python scripts/article_shingles.py` (or give the article's path)."""

from __future__ import annotations

import argparse
import hashlib
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTICLE = ROOT.parent / "shared" / "source" / "article.txt"
OUT = ROOT / "tests" / "data" / "article-shingles.txt"
RUN = 10
# As ../shared/tools/overlap.py folds them: lower case, letters and digits, apostrophes inside words.
WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def digest(run: tuple[str, ...] | list[str]) -> str:
    """A short hash of one run of words: no article text enters the repository."""
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def shingles(tokens: list[str], n: int = RUN) -> set[str]:
    return {digest(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("article", nargs="?", type=pathlib.Path, default=ARTICLE)
    article = parser.parse_args().article
    hashes = sorted(shingles(words(article.read_text(encoding="utf-8"))))
    OUT.write_text(
        f"# {RUN}-word runs of the source article, hashed (scripts/article_shingles.py)\n" + "\n".join(hashes) + "\n"
    )
    print(f"wrote {len(hashes)} hashes to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
