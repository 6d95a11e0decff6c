"""Point-in-country check against the shipped Natural Earth outlines."""

from hrcmap.countries import check_point, country


def test_point_inside_its_country():
    p = check_point("AUT", 47.07, 15.44)  # Graz
    assert p.ok and p.checked and p.distance_km == 0


def test_point_in_the_wrong_country_is_far_outside():
    p = check_point("DEU", 47.07, 15.44)  # Graz is not in Germany
    assert not p.ok and p.distance_km > 50


def test_swapped_coordinates_are_detected():
    p = check_point("GHA", -0.8, 10.35)  # Walewale with lat and lon exchanged
    assert not p.ok and p.swapped_fits


def test_coastal_city_within_tolerance():
    # Low-resolution coasts cut off harbour cities; a few km outside still passes.
    assert check_point("NLD", 51.4994, 3.6136).ok  # Middelburg


def test_country_without_outline_is_not_checked():
    p = check_point("MLT", 35.9, 14.5)
    assert p.ok and not p.checked


def test_regions_come_from_the_country_table():
    assert (country("KOR").region, country("KOR").subregion) == ("Asia", "Eastern Asia")
    assert country("NAM").iso2 == "NA"  # Namibia's code is not a missing value
    assert country("MEX").region == "North America" and country("ARG").region == "South America"


def test_island_missing_from_outlines_is_accepted_when_nearest_to_its_country():
    p = check_point("KOR", 33.5097, 126.5219)  # Jeju City: the island is not in the outlines
    assert p.ok and p.offshore and p.distance_km > 25


def test_island_point_claimed_by_another_country_still_fails():
    assert not check_point("JPN", 33.5097, 126.5219).ok


def test_an_island_the_gazetteer_places_in_its_country_is_accepted_though_another_outline_is_nearer():
    batam = (1.1494, 104.0249)  # Indonesia's Riau Islands: Singapore's outline is nearer than Indonesia's
    assert not check_point("IDN", *batam).ok  # a point from a page alone is not enough
    placed = check_point("IDN", *batam, gazetteer=True)
    assert placed.ok and placed.offshore and placed.distance_km > 100


def test_static_outlines_are_in_sync_with_the_reference():
    from hrcmap.countries import web_outlines
    from hrcmap.paths import WEB_OUTLINES

    assert WEB_OUTLINES.read_text(encoding="utf-8") == web_outlines(), "run `python -m hrcmap static`"


def test_static_country_names_are_in_sync_and_each_lies_in_its_country():
    import json

    from shapely.geometry import Point, shape

    from hrcmap.countries import country_labels
    from hrcmap.paths import COUNTRIES_GEOJSON, WEB_LABELS

    assert WEB_LABELS.read_text(encoding="utf-8") == country_labels(), "run `python -m hrcmap static`"
    shapes = {f["properties"]["name"]: shape(f["geometry"]) for f in json.loads(COUNTRIES_GEOJSON.read_text())["features"]}
    for row in json.loads(WEB_LABELS.read_text(encoding="utf-8")):
        # rounded to 0.01°, a name point may sit a hair off a thin country's edge, never elsewhere
        assert shapes[row["n"]].distance(Point(row["p"])) < 0.05, row["n"]
