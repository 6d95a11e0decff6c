"""Offline place resolution: unique names resolve, ambiguous and unknown ones say what to add."""

import pytest

from hrcmap.gazetteer import GazetteerError, resolve


def test_unique_name_resolves_offline():
    r = resolve("Graz", "AUT")
    assert (r.source, r.geonameid) == ("gazetteer", 2778067)
    assert r.lat == pytest.approx(47.07, abs=0.01) and r.lon == pytest.approx(15.44, abs=0.01)


def test_accents_and_alternate_names_match():
    assert resolve("Nürnberg", "DEU").geonameid == resolve("Nuremberg", "DEU").geonameid


def test_ambiguous_name_is_an_error_naming_candidates():
    with pytest.raises(GazetteerError) as info:
        resolve("Gwangju", "KOR")
    message = str(info.value)
    assert info.value.column == "geonameid"
    assert "geonameid 1841811" in message and "geonameid 1841810" in message and "pop. 1,401,235" in message


def test_geonameid_picks_one_candidate():
    assert resolve("Gwangju", "KOR", geonameid=1841811).lat == pytest.approx(35.15, abs=0.01)


def test_geonameid_in_another_country_is_rejected():
    with pytest.raises(GazetteerError, match="not in KOR"):
        resolve("Graz", "KOR", geonameid=2778067)


def test_unknown_place_asks_for_sourced_coordinates():
    with pytest.raises(GazetteerError, match="give lat, lon and coord_source_url"):
        resolve("Walewale", "GHA")


def test_explicit_coordinates_override_the_gazetteer():
    r = resolve("Walewale", "GHA", lat=10.35, lon=-0.8)
    assert (r.lat, r.lon, r.source) == (10.35, -0.8, "explicit")


def test_small_town_resolves_from_the_second_tier():
    # Lubuk Pakam (Deli Serdang's seat) has fewer than 15,000 people in GeoNames' count
    r = resolve("Lubuk Pakam", "IDN")
    assert r.source == "gazetteer" and r.lat == pytest.approx(3.56, abs=0.01)
    assert resolve("Lubuk Pakam", "IDN", geonameid=r.geonameid).lat == r.lat


def test_a_large_place_is_not_made_ambiguous_by_a_village_of_its_name():
    # Weingarten names a town of 15,000+ and two villages in Germany: the town wins, as before the second tier
    assert resolve("Weingarten", "DEU").geonameid == 2812204


def test_each_tier_is_read_once_however_places_are_given():
    """A build that mixes places given by geonameid, by name and by a US state reads each tier of the
    gazetteer once (reading the 1,000+ tier takes seconds: a build once re-read it twenty times)."""
    from hrcmap import gazetteer
    from hrcmap.divisions import gazetteer_admin1

    gazetteer._index.cache_clear()
    for _ in range(3):
        resolve("Graz", "AUT")
        resolve("Springfield", "USA", geonameid=4409896)
        gazetteer_admin1(4409896, "USA")
        resolve("Weingarten", "DEU", geonameid=2812482)
    assert gazetteer._index.cache_info().misses <= len(gazetteer.TIERS)
