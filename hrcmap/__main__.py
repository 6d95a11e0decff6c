"""Command line: ``python -m hrcmap build`` and ``python -m hrcmap validate``."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import build
from .paths import RAW, processed_dir
from .validate import ValidationError, validate_raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hrcmap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="validate data/raw and write data/processed")
    b.add_argument("--raw", type=Path, default=RAW, help="folder of raw tables (default: data/raw)")
    b.add_argument("--out", type=Path, default=None, help="output folder (default: data/processed)")
    v = sub.add_parser("validate", help="only validate data/raw; write nothing")
    v.add_argument("--raw", type=Path, default=RAW)
    sub.add_parser("static", help="write static/countries.geojson, the browser's copy of the outlines")
    args = parser.parse_args(argv)
    if args.command == "static":
        from .countries import web_outlines
        from .paths import WEB_OUTLINES

        WEB_OUTLINES.parent.mkdir(exist_ok=True)
        WEB_OUTLINES.write_text(web_outlines(), encoding="utf-8")
        print(f"wrote {WEB_OUTLINES} ({WEB_OUTLINES.stat().st_size:,} bytes)")
        return 0
    started = time.perf_counter()
    try:
        if args.command == "validate":
            rows = validate_raw(args.raw, _rel(args.raw))
            print(f"raw data is valid: {sum(len(r) for r in rows.values())} rows in {len(rows)} tables")
            return 0
        summary = build(args.raw, args.out or processed_dir())
    except ValidationError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"\n{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    print(summary.describe(time.perf_counter() - started))
    return 0


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
