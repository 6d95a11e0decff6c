"""Make a synthetic raw dataset N times the real one, for scale benchmarks (never for the atlas).

Each real place is copied N times with its events; networks, themes, counts and milestones stay as
they are. A copy of a place the gazetteer places keeps its gazetteer id (and its point); copies of
places with explicit coordinates keep theirs (a nudge could take a border town out of its country), so the build's cost per place is
validation and the point check, not name lookups.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hrcmap.gazetteer import resolve


def synthesise(raw: Path, out: Path, factor: int, seed: int = 1) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("themes", "networks", "network_counts", "milestones"):
        shutil.copy(raw / f"{name}.csv", out / f"{name}.csv")
    places = list(csv.DictReader((raw / "places.csv").open(encoding="utf-8")))
    events = list(csv.DictReader((raw / "events.csv").open(encoding="utf-8")))
    pfields, efields = list(places[0]), list(events[0])
    by_place: dict[str, list[dict]] = {}
    for e in events:
        by_place.setdefault(e["place_id"], []).append(e)
    new_places, new_events = [], []
    for p in places:
        gid = p["geonameid"]
        if p["lat"]:
            lat, lon = float(p["lat"]), float(p["lon"])
        else:
            r = resolve(p["name"], p["country_iso3"], geonameid=int(gid) if gid else None)
            lat, lon, gid = r.lat, r.lon, gid or str(r.geonameid)
        for k in range(factor):
            pid = p["place_id"] if k == 0 else f"{p['place_id']}-x{k}"
            # a copy of a place the gazetteer places keeps its gazetteer id and point (a nudged point
            # near a border, as Haparanda's, could leave the country's outline)
            by_id = not p["lat"]
            q = dict(
                p,
                place_id=pid,
                name=p["name"] if k == 0 else f"{p['name']} {k}",
                geonameid=gid if by_id else "",
                lat="" if by_id else f"{lat:.4f}",
                lon="" if by_id else f"{lon:.4f}",
                coord_source_url="" if by_id else p["coord_source_url"] or "https://example.org/synthetic-benchmark-copy",
            )
            new_places.append(q)
            for e in by_place.get(p["place_id"], []):
                new_events.append(
                    dict(
                        e,
                        event_id=e["event_id"] if k == 0 else f"{e['event_id']}-x{k}",
                        place_id=pid,
                        conflict_group=e["conflict_group"] if k == 0 else "",
                    )
                )
    # a conflict group needs two rows: groups that lost a partner in copying are dropped
    counts: dict[str, int] = {}
    for e in new_events:
        if e["conflict_group"]:
            counts[e["conflict_group"]] = counts.get(e["conflict_group"], 0) + 1
    for e in new_events:
        if e["conflict_group"] and counts[e["conflict_group"]] < 2:
            e["conflict_group"] = ""
    for name, fields, rows in (("places", pfields, new_places), ("events", efields, new_events)):
        with (out / f"{name}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("factor", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--raw", type=Path, default=ROOT / "data" / "raw")
    a = ap.parse_args()
    synthesise(a.raw, a.out, a.factor)
    print(f"wrote a {a.factor}x dataset to {a.out}")


if __name__ == "__main__":
    main()
