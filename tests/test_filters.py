"""Filtering and the sentence that describes what is shown."""

from __future__ import annotations

import pytest

from hrcmap.filters import filter_events, places_view
from hrcmap.load import load_dataset
from hrcmap.sentences import describe
from hrcmap.state import ViewState


@pytest.fixture(scope="module")
def data(built):
    return load_dataset(built)


def test_no_filter_keeps_everything(data):
    assert len(filter_events(data.events, ViewState())) == 11


def test_filters_combine(data):
    ev = filter_events(data.events, ViewState(region=("Europe",), year_from=2005))
    assert set(ev["event_id"]) == {"graz-aut-2006-joined", "vienna-aut-2014-declared", "york-gbr-2017-declared"}


def test_theme_includes_network_themes(data):
    ev = filter_events(data.events, ViewState(theme=("anti-racism",)))
    assert set(ev["place_id"]) == {"graz-aut", "wonosobo-idn"}


def test_search_ignores_case_and_accents(data):
    assert set(filter_events(data.events, ViewState(q="GRÁZ"))["place_id"]) == {"graz-aut"}


def test_search_finds_a_place_by_its_name_in_its_own_script(data):
    # a Korean reader types the city's name in Hangul, in part
    assert set(filter_events(data.events, ViewState(q="광주"))["place_id"]) == {"gwangju-kor"}
    found = filter_events(data.events, ViewState(q="광주"))
    assert places_view(data.places, found, data.networks)["name_local"].tolist() == ["광주광역시"]


def test_places_view_recomputes_aggregates_on_filtered_events(data):
    ev = filter_events(data.events, ViewState(network=("fx-coalition",)))
    pv = places_view(data.places, ev, data.networks).set_index("place_id")
    assert pv.at["graz-aut", "first_year"] == 2006 and pv.at["graz-aut", "n_events"] == 1
    assert pv.at["graz-aut", "family"] == "coalitions"
    assert places_view(data.places, data.events, data.networks).set_index("place_id").at["graz-aut", "family"] == "coalitions"


def test_sentence_for_a_filtered_view(data):
    state = ViewState(theme=("anti-racism",), year_from=2004, year_to=2015)
    ev = filter_events(data.events, state)
    labels = {"theme": dict(zip(data.themes["theme_id"], data.themes["label"]))}
    assert describe(ev, state, labels) == (
        "2 places in 2 countries made 2 commitments on anti-racism and non-discrimination between 2004 and 2015."
    )


def test_sentence_for_one_country_and_nothing(data):
    state = ViewState(country=("AUT",), type=("declared",))
    ev = filter_events(data.events, state)
    assert (
        describe(ev, state, {"country": {"AUT": "Austria"}})
        == "2 places in Austria made 2 declared commitments between 2001 and 2014."
    )
    assert describe(ev.iloc[0:0], state, {}) == "No recorded commitments match these filters."


def test_places_view_when_only_an_ending_matches(data):
    # Wonosobo's only event from 2019 on is its withdrawal: the place is still drawn, ringed
    ev = filter_events(data.events, ViewState(year_from=2019))
    pv = places_view(data.places, ev, data.networks).set_index("place_id")
    assert list(pv.index) == ["wonosobo-idn"]
    assert pv.at["wonosobo-idn", "first_year"] == 2019 and pv.at["wonosobo-idn", "status"] == "withdrawn"


@pytest.mark.parametrize(
    ("state", "title"),
    [
        (ViewState(), "Places by year of first commitment"),
        (ViewState(region=("Asia",)), "Places in Asia, by year of first commitment"),
        (ViewState(region=("Asia",), network=("eccar",)), "Places in Asia in ECCAR, by year of first commitment"),
        (ViewState(year_from=2004, year_to=2015), "Places, 2004–2015, by year of first commitment"),
        (ViewState(year_to=2010), "Places until 2010, by year of first commitment"),
        (ViewState(q="graz"), "Places matching “graz”, by year of first commitment"),
    ],
)
def test_chart_titles_name_the_filter_that_is_set(state, title):
    from hrcmap.sentences import scope, scoped

    assert scoped("Places", scope(state, {"network": {"eccar": "ECCAR"}}), "by year of first commitment") == title


def test_option_counts_follow_the_other_filters_and_say_places(data):
    """ "Europe (3 places)" with no filter; with the coalition chosen, Europe counts only its members,
    and the network's own options still count as if it were not chosen (so another can be added)."""
    from hrcmap.facets import facets
    from hrcmap.filters import live_counts

    whole = facets(data.events, data.networks, data.themes)
    assert whole.label("region", "Europe") == "Europe (3 places)"
    counts = live_counts(data.events, ViewState(network=("fx-coalition",)))
    coalition = set(filter_events(data.events, ViewState(network=("fx-coalition",)))["place_id"])
    europe = set(filter_events(data.events, ViewState(region=("Europe",)))["place_id"])
    assert counts["region"]["Europe"] == len(coalition & europe) < 3
    assert counts["network"] == whole.counts["network"]  # its own choice does not narrow it
    live = whole.with_counts(counts)
    assert (
        live.label("region", "Europe") == f"Europe ({len(coalition & europe)} place{'s' if len(coalition & europe) != 1 else ''})"
    )
    assert live.label("region", "Oceania").endswith("(0 places)")
    assert "anti-racism" in counts["theme"]


def test_views_that_differ_only_in_how_they_look_share_one_selection():
    from hrcmap.filters import selection_key

    asia = ViewState(region=("Asia",))
    # the open place, the as-of year and the colours do not change what is selected (one cached selection)
    assert selection_key(asia.with_(city="graz-aut", year=2005, colour="year")) == selection_key(asia)
    # every filter does
    for other in (ViewState(region=("Europe",)), asia.with_(q="graz"), asia.with_(year_from=2000), asia.with_(theme=("peace",))):
        assert selection_key(other) != selection_key(asia)
