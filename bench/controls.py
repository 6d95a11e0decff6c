"""What a control that changes one chart sends: the chart, and how much more.

    python bench/controls.py

Through Streamlit's own protocol (bench/client.py), on the bundled data: the map page's "Colour
places by" control (it changes the map, its legend and its caption) and the timeline's "Split the
growth by" control (it changes the growth chart and its table of numbers). For each, the bytes of
the rerun, the bytes of the chart's own message, and the rest (target: at most 1 KB). Writes
bench/results/controls.json; `python bench/run.py --render` puts it into RESULTS.md.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.client import Session, server

# (page, widget key, the two labels it is switched between, the element type of its chart)
CONTROLS = {
    "map: Colour places by": ("", "f_colour", ("First commitment year", "Network family"), "deck_gl_json_chart"),
    "timeline: Split the growth by": ("timeline", "f_split", ("Network family", "Continent"), "plotly_chart"),
}


def choice_state(widget_id: str, label: str):
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    w = WidgetState(id=widget_id)
    w.string_array_value.data.append(label)
    return w


def chart_bytes(deltas, element: str) -> int:
    """Bytes of the message carrying the largest element of that type in a rerun (0 if it was not sent)."""
    sizes = [
        d.ByteSize() for d in deltas if d.WhichOneof("type") == "new_element" and d.new_element.WhichOneof("type") == element
    ]
    return max(sizes, default=0)


def measure(reps: int = 5) -> dict:
    out: dict = {}
    with server(ROOT / "dashboard.py", ROOT / "data" / "processed") as (url, _):
        for name, (page, key, labels, element) in CONTROLS.items():
            totals, charts = [], []
            for _ in range(reps):  # a new session each time: the changed chart is not yet in its cache
                s = Session(url)
                s.run(page)
                run = s.run(page, widgets=[choice_state(s.widget_ids[key], labels[0])])
                totals.append(run.bytes)
                charts.append(chart_bytes(run.deltas, element))
                s.close()
            rest = [t - c for t, c in zip(totals, charts)]
            out[name] = {
                "rerun_bytes_median": int(statistics.median(totals)),
                "chart_bytes_median": int(statistics.median(charts)),
                "rest_bytes_median": int(statistics.median(rest)),
                "target_rest_bytes": 1024,
            }
            print(f"  {name}: {out[name]}")
    return out


def main() -> None:
    results = {"controls": measure(), "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    path = ROOT / "bench" / "results" / "controls.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
