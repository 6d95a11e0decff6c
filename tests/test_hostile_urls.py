"""Property-based: any query string on any page gives no exception, a notice when something was
dropped, and a canonical URL written back that parses to the same view."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest

from hrcmap import escape
from hrcmap.load import load_dataset
from hrcmap.state import LIST_FILTERS, URL_KEYS, Options, from_query, to_query

from .test_app import ROOT

KEYS = [
    "[Sign in again](https://evil.example/a)",
    "region",
    "subregion",
    "country",
    "network",
    "theme",
    "type",
    "status",
    "from",
    "to",
    "city",
    "q",
    "year",
    "colour",
    "split",
    "shade",
    "present",
    "embed",
    "x<script>",
    "",
]
NASTY = [
    "![x](https://evil.example/r.png)",
    "[Sign in again](https://evil.example/a)",
    "https://evil.example",
    "www.evil.example",
    "<span style=background:url(https://evil.example)>",
    "$x^2$",
    "Europe",
    "europe",
    "Atlantis",
    "AUT",
    "fx-coalition",
    "1997",
    "2019",
    "1800",
    "abc",
    "-1",
    "99999",
    "graz-aut",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE",
    "{name}",
    "@@=alert(1)",
    "=1+1",
    "%00",
    "\u202e",
    "year",
    "family",
    ",",
    ",,,",
    " ",
    "a" * 5000,
]
values = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))
query = st.lists(st.tuples(st.sampled_from(KEYS), values), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=query)
def test_state_parsing_never_fails_and_is_canonical(built, pairs):
    d = load_dataset(built)
    options = Options.from_data(d.events, d.networks, d.themes)
    params: dict[str, list[str]] = {}
    for k, v in pairs:
        params.setdefault(k, []).append(v)

    class Multi(dict):
        def get_all(self, key):
            return self.get(key, [])

    state = from_query(Multi(params), options)
    canonical = to_query(state)
    assert from_query(canonical, options) == state  # writing back and reading again is stable
    assert not from_query(canonical, options).notices
    # every value that cannot be used is mentioned in a notice
    notices = " ".join(state.notices)
    for key, noun in ((p.key, p.noun) for p in LIST_FILTERS):
        allowed = {a.casefold() for a in options.values[key]}
        parts = [p.strip() for v in params.get(key, []) for p in v.split(",") if p.strip()]
        if any(p[:120].casefold() not in allowed for p in parts[:60]):
            assert f"No {noun} called" in notices  # in the words of its control
    for key, word in (("from", "start"), ("to", "end")):
        bad = [v for v in params.get(key, []) if v.replace(",", " ").strip()]  # blank values are ignored quietly
        if bad and not (
            bad[-1].strip().isascii()
            and bad[-1].strip().isdigit()
            and options.years[0] <= int(bad[-1].strip()) <= options.years[1]
        ):
            assert word in notices or "not a year" in notices or "outside the years" in notices
    if any(k not in URL_KEYS for k in params):
        assert "does not use the link parameter" in notices
    # a notice quotes what it dropped as text: rendered, it holds no link, image or raw HTML
    md = MarkdownIt("commonmark")
    for notice in state.notices:
        html = md.render(escape.markdown(notice))
        assert "<a " not in html and "<img" not in html and "<script" not in html, (notice, html)
        assert not re.search(r"https?://|www\.", escape.markdown(notice).replace("\\", "")), notice


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.sampled_from(["map", "timeline", "data", "cities", "networks"]), pairs=query)
def test_pages_survive_any_query_string(built, monkeypatch, page, pairs):
    monkeypatch.setenv("HRCMAP_PROCESSED", str(built))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for k, v in pairs:
        if k:
            at.query_params[k] = v
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, (pairs, at.exception)
    assert "Traceback" not in " ".join(m.value for m in at.markdown)
