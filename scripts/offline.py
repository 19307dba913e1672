"""Pack the offline build (the three editions: English at the top, ru/ and it/ beside it) into one ZIP for a USB
stick, byte-identical for the same tree."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pathlib
import zipfile


def zip_site(site: pathlib.Path, archive: pathlib.Path, folder: str = "kz-explainer") -> int:
    """Write every file of `site` below `folder/` in the archive, sorted, with one fixed timestamp."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "315532800"))
    stamp = dt.datetime.fromtimestamp(max(epoch, 315532800), dt.UTC).timetuple()[:6]
    files = sorted(p for p in site.rglob("*") if p.is_file())
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, path.read_bytes())
    return len(files)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=pathlib.Path)
    parser.add_argument("archive", type=pathlib.Path)
    args = parser.parse_args()
    count = zip_site(args.site, args.archive)
    print(
        f"{args.archive}: {count} files, {args.archive.stat().st_size / 1e6:.1f} MB. "
        "Unzip it and open kz-explainer/index.html (English), kz-explainer/ru/index.html (Russian) or "
        "kz-explainer/it/index.html (Italian)."
    )


if __name__ == "__main__":
    main()
