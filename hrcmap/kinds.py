"""The kinds of event (event_type): commitments, steps and endings, each defined once.

The definitions feed the data dictionary (datapackage.json, the Data page's table of kinds) and are
the same words as data/README.md (tests/test_docs.py checks that the README defines every kind).
"""

from __future__ import annotations

# What happened, in three classes. Commitments are what "new commitments" count and what a place's
# first year is taken from; steps belong to the story but are not commitments; endings end one.
EVENT_KINDS = {
    "declared": "Its council or executive proclaimed it a human rights city (or a close local equivalent).",
    "ordinance": "It adopted a local human rights ordinance, by-law or local law.",
    "resolution": "A council resolution or motion, or an executive decision (decree, directive, proclamation), "
    "on human rights or on joining a network.",
    "charter_signed": "It signed or adopted a charter (the European Charter, the Global Charter-Agenda, or its own).",
    "joined": "It joined a network of cities, in the year a page gives.",
    "founded": "It was a founding member of a network.",
    "listed": "A dated page names it a member or signatory without a join date; the year is that page's.",
    "award": "A government or other body gave it an award or certification (for example Indonesia's "
    "Kabupaten/Kota Peduli HAM award), dated by the award's round.",
    "institution": "It created a standing human rights body or instrument: an office, commission, ombudsperson, "
    "advisory council, action plan, policy framework or programme.",
    "initiative": "A first step toward a commitment, not yet one: a vote or agreement to work towards it, a study, "
    "an announced plan, a civil-society campaign.",
    "network_role": "A role in a network beyond membership: hosting its conference or launch, a seat on its "
    "steering committee, representing it.",
    "amended": "An existing commitment was revised (an ordinance revision, charter amendments).",
    "reaffirmed": "An existing commitment was confirmed or renewed (a repeal voted down, a membership resumed).",
    "withdrawn": "It left a network or withdrew a commitment.",
    "repealed": "Its ordinance or declaration was repealed.",
    "lapsed": "A membership or commitment ended without a formal act (for example no longer listed).",
    "other": "A dated act that fits no other kind; its note says why.",
}
COMMITMENT_TYPES = (
    "declared",
    "ordinance",
    "resolution",
    "charter_signed",
    "joined",
    "founded",
    "listed",
    "award",
    "institution",
)
STEP_TYPES = ("initiative", "network_role", "amended", "reaffirmed", "other")
ENDING_EVENT_TYPES = ("withdrawn", "repealed", "lapsed")
EVENT_TYPES = tuple(EVENT_KINDS)
assert set(EVENT_TYPES) == set(COMMITMENT_TYPES + STEP_TYPES + ENDING_EVENT_TYPES)
EVENT_TYPE_MEANING = (
    "What happened. Commitments: "
    + ", ".join(COMMITMENT_TYPES)
    + "; steps: "
    + ", ".join(STEP_TYPES)
    + "; endings: "
    + ", ".join(ENDING_EVENT_TYPES)
    + ". Each kind is defined in the table of kinds."
)


def event_class(event_type: str) -> str:
    """``commitment``, ``step`` or ``ending``: how views count a kind of event."""
    if event_type in ENDING_EVENT_TYPES:
        return "ending"
    return "commitment" if event_type in COMMITMENT_TYPES else "step"
