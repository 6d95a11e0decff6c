"""The URL contract: parse, validate, drop with a notice, write back canonically."""

from __future__ import annotations

import pytest

from hrcmap.load import load_dataset
from hrcmap.state import Options, ViewState, from_query, to_query


@pytest.fixture(scope="module")
def options(built) -> Options:
    d = load_dataset(built)
    return Options.from_data(d.events, d.networks, d.themes)


class Multi(dict):
    """Query params with repeated keys, like st.query_params."""

    def get_all(self, key):
        v = self.get(key, [])
        return v if isinstance(v, list) else [v]


def test_defaults_are_not_written(options):
    assert to_query(ViewState()) == {}
    assert from_query({}, options) == ViewState()


def test_round_trip(options):
    params = {
        "region": "Europe,Asia",
        "network": "fx-coalition",
        "from": "2001",
        "to": "2014",
        "city": "graz-aut",
        "q": "gr",
        "colour": "year",
    }
    state = from_query(params, options)
    assert not state.notices
    assert state.region == ("Asia", "Europe")  # canonical order follows the data's options
    assert to_query(state) == {**params, "region": "Asia,Europe"}
    assert from_query(to_query(state), options) == state


def test_repeated_and_comma_separated_keys_are_both_read(options):
    state = from_query(Multi(region=["Europe", "Asia,Africa"]), options)
    assert state.region == ("Africa", "Asia", "Europe")


def test_case_is_forgiven(options):
    assert from_query({"region": "europe"}, options).region == ("Europe",)


@pytest.mark.parametrize(
    "params,fragment",
    [
        ({"region": "Atlantis"}, "No continent called “Atlantis”"),
        ({"from": "abc"}, "“abc” is not a year"),
        ({"to": "1800"}, "1800 is outside the years in the data (1997–2019)"),
        ({"city": "nowhere"}, "No place with the id “nowhere”"),
        ({"colour": "rainbow"}, "“rainbow” is not a choice for colour"),
        ({"utm_source": "x"}, "does not use the link parameter “utm_source”"),
    ],
)
def test_bad_values_are_dropped_with_a_notice(options, params, fragment):
    state = from_query(params, options)
    assert any(fragment in n for n in state.notices), state.notices
    assert to_query(state) == {}


def test_reversed_years_are_swapped(options):
    state = from_query({"from": "2014", "to": "2001"}, options)
    assert (state.year_from, state.year_to) == (2001, 2014) and "swapped" in state.notices[0]


def test_huge_junk_is_bounded(options):
    junk = "<script>alert(1)</script>" * 400  # 10 kB
    state = from_query({"region": junk, "q": junk, "city": junk}, options)
    assert state.region == () and state.city is None and len(state.q) <= 80
    assert all(len(n) < 200 for n in state.notices)


def test_embed_is_not_reported(options):
    assert from_query({"embed": "true"}, options).notices == ()


def test_unicode_digits_are_not_years(options):
    state = from_query({"from": "²", "to": "٢٠١٠"}, options)  # superscript two, Arabic-Indic 2010
    assert (state.year_from, state.year_to) == (None, None) and len(state.notices) == 2


def test_a_declared_filter_round_trips(options, built, monkeypatch):
    """A filter declared as one row of PARAMS is parsed, narrows the events and is written back unchanged."""
    from hrcmap import state as S
    from hrcmap.filter_params import ListFilter
    from hrcmap.filters import filter_events
    from hrcmap.load import load_dataset

    extra = ListFilter("confidence", "Confidence", column="confidence", order=("high", "medium"), phrase="with {} confidence")
    monkeypatch.setattr(S, "PARAMS", (*S.PARAMS, extra))
    monkeypatch.setattr(S, "URL_KEYS", S.URL_KEYS | {"confidence"})
    monkeypatch.setattr(S, "DEFAULTS", {**S.DEFAULTS, "confidence": ()})
    monkeypatch.setattr(S, "LIST_FILTERS", (*S.LIST_FILTERS, extra))
    import hrcmap.filters as F

    monkeypatch.setattr(F, "PARAMS", S.PARAMS)
    events = load_dataset(built).events
    opts = Options.from_data(events, load_dataset(built).networks, load_dataset(built).themes)
    assert opts.values["confidence"] == ("high", "medium")
    state = S.from_query({"confidence": "Medium"}, opts)
    assert state.confidence == ("medium",) and not state.notices
    shown = filter_events(events, state)
    assert 0 < len(shown) < len(events) and set(shown["confidence"]) == {"medium"}  # it really narrowed
    assert S.to_query(state) == {"confidence": "medium"}
    assert S.from_query({"confidence": "low"}, opts).notices  # a value the data lacks is dropped with a notice
