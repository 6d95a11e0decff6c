"""Command line: ``python -m hrcmap build``, ``validate``, ``static``, ``animate`` and ``publish``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import BuildError, build
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
    sub.add_parser(
        "static", help="write static/countries.geojson and static/country_labels.json, the browser's outlines and names"
    )
    a = sub.add_parser("animate", help="write the growth animation of the whole dataset (.gif or .mp4)")
    a.add_argument("out", type=Path, help="output file, e.g. docs/growth.gif")
    pub = sub.add_parser("publish", help="write the static site of embeddable pages (no Python per reader) to a folder")
    pub.add_argument("out", type=Path, help="the site's folder; an earlier site there is replaced whole")
    pub.add_argument("--live-url", default=None, help="the live app's address, for each page's link back to its view")
    pub.add_argument("--base-url", default=None, help="where the site will be served, for absolute preview image links")
    args = parser.parse_args(argv)
    if args.command == "animate":
        return _animate(args.out)
    if args.command == "publish":
        return _publish(args.out, args.live_url, args.base_url)
    if args.command == "static":
        from .countries import country_labels, web_outlines
        from .paths import WEB_LABELS, WEB_OUTLINES

        WEB_OUTLINES.parent.mkdir(exist_ok=True)
        for path, text in ((WEB_OUTLINES, web_outlines()), (WEB_LABELS, country_labels())):
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
        return 0
    started = time.perf_counter()
    try:
        if args.command == "validate":
            rows = validate_raw(args.raw, _rel(args.raw))
            print(f"raw data is valid: {sum(len(r) for r in rows.values())} rows in {len(rows)} tables")
            return 0
        summary = build(args.raw, args.out or processed_dir())
    except BuildError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(exc.report(), file=sys.stderr)
        print(f"\n{len(exc.problems)} problem(s) found; nothing was written.", file=sys.stderr)
        return 1
    print(summary.describe(time.perf_counter() - started))
    return 0


def _animate(out: Path) -> int:
    """The movement's growth, all places, written atomically (a temporary file, then a rename)."""
    import json

    from . import animation, filters
    from .load import DataUnavailable, load_dataset
    from .paths import COUNTRIES_GEOJSON
    from .provenance import image_source, licence_name
    from .state import ViewState

    kinds = {".gif": animation.gif, ".mp4": animation.mp4}
    if out.suffix.lower() not in kinds:
        print(f"{out}: the file name must end in .gif or .mp4.", file=sys.stderr)
        return 2
    try:
        data = load_dataset(processed_dir())
    except DataUnavailable as exc:
        print(exc, file=sys.stderr)
        return 1
    events = filters.filter_events(data.events, ViewState())
    places = filters.places_view(data.places, events, data.networks)
    outlines = json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))
    payload = kinds[out.suffix.lower()](
        places, outlines, animation.DEFAULT_TITLE, image_source(data.version, licence_name(data.package), events)
    )
    tmp = out.with_name(out.name + ".part")
    tmp.write_bytes(payload)
    tmp.replace(out)
    print(f"wrote {out} ({len(payload):,} bytes, {len(animation.frame_plan(places))} years)")
    return 0


def _publish(out: Path, live_url: str | None, base_url: str | None) -> int:
    import json

    from .load import DataUnavailable, load_dataset
    from .paths import COUNTRIES_GEOJSON
    from .publish import publish

    started = time.perf_counter()
    try:
        data = load_dataset(processed_dir())
        count = publish(data, json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8")), out, live_url, base_url)
    except (DataUnavailable, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"published {count} pages to {out} in {time.perf_counter() - started:.1f} s")
    return 0


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
