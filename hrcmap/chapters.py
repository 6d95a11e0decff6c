"""Presentation chapters: a CSV a presenter can edit, checked against the dataset before it is shown."""

from __future__ import annotations

import csv
import datetime as _dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from .load import Dataset
from .paths import CHAPTERS
from .problems import Problem, ValidationError

VIEWS = ("map", "timeline", "growth")
COLUMNS = ("chapter", "title", "text", "view", "as_of", "networks", "place", "milestones")


@dataclass(frozen=True)
class Chapter:
    number: int
    title: str
    text: str
    view: str
    as_of: int | None
    networks: tuple[str, ...]
    place: str | None
    milestones: tuple[str, ...]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(";") if v.strip())


def parse_chapters(
    text: str, data: Dataset, rel: str = "data/presentation/chapters.csv", today: _dt.date | None = None
) -> list[Chapter]:
    """Chapters in order, or :class:`ValidationError` listing every problem (file, row, column, reason).

    Long because each column's check is a short block, kept together so the file's rules read in one place.
    """
    today = today or _dt.date.today()
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError([Problem(rel, 1, None, f"the header lacks the column(s) {', '.join(missing)}")])
    networks = set(data.networks["network_id"])
    places = set(data.places["place_id"])
    milestones = set(data.milestones["milestone_id"])
    chapters: list[Chapter] = []
    for r in reader:
        row = reader.line_num
        before = len(problems)
        number = (r.get("chapter") or "").strip()
        if not number.isdigit():
            problems.append(Problem(rel, row, "chapter", f"'{number}' is not a chapter number"))
        if not (r.get("title") or "").strip():
            problems.append(Problem(rel, row, "title", "is empty; every chapter needs a title"))
        view = (r.get("view") or "").strip()
        if view not in VIEWS:
            problems.append(Problem(rel, row, "view", f"'{view}' is not one of: {', '.join(VIEWS)}"))
        as_of_raw = (r.get("as_of") or "").strip()
        as_of = None
        if as_of_raw:
            if not (as_of_raw.isascii() and as_of_raw.isdigit()) or not 1900 <= int(as_of_raw) <= today.year:
                problems.append(Problem(rel, row, "as_of", f"'{as_of_raw}' is not a year between 1900 and {today.year}"))
            else:
                as_of = int(as_of_raw)
        for n in _split(r.get("networks", "")):
            if n not in networks:
                problems.append(Problem(rel, row, "networks", f"'{n}' is not a network_id in the dataset"))
        place = (r.get("place") or "").strip() or None
        if place and place not in places:
            problems.append(Problem(rel, row, "place", f"'{place}' is not a place_id in the dataset"))
        for m in _split(r.get("milestones", "")):
            if m not in milestones:
                problems.append(Problem(rel, row, "milestones", f"'{m}' is not a milestone_id in the dataset"))
        if len(problems) == before:
            chapters.append(
                Chapter(
                    int(number),
                    r["title"].strip(),
                    (r.get("text") or "").strip(),
                    view,
                    as_of,
                    _split(r.get("networks", "")),
                    place,
                    _split(r.get("milestones", "")),
                )
            )
    if not chapters and not problems:
        problems.append(Problem(rel, None, None, "the file has no chapters"))
    numbers = [c.number for c in chapters]
    if len(set(numbers)) != len(numbers):
        problems.append(Problem(rel, None, "chapter", "chapter numbers repeat; number them 1, 2, 3 …"))
    if problems:
        raise ValidationError(problems)
    return sorted(chapters, key=lambda c: c.number)


class ChaptersUnavailable(RuntimeError):
    """The chapters file is missing, unreadable or wrong; the message lists what to fix."""


def chapters_path() -> Path:
    """The presentation's chapters: data/presentation/chapters.csv, unless HRCMAP_CHAPTERS says otherwise."""
    return Path(os.environ.get("HRCMAP_CHAPTERS", CHAPTERS))


def load_chapters(path: Path, data: Dataset) -> list[Chapter]:
    """The chapters of ``path`` checked against ``data``, or :class:`ChaptersUnavailable`."""
    try:
        return parse_chapters(path.read_text(encoding="utf-8"), data)
    except ValidationError as exc:
        raise ChaptersUnavailable(exc.report()) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ChaptersUnavailable(f"{path.name} could not be read.") from exc


def chapter_index(raw: str | None, count: int) -> tuple[int, str | None]:
    """0-based index from the URL's ``present`` value (1-based), and a notice when it was unusable."""
    if raw is None or raw == "":
        return 0, None
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= count:
        return int(raw) - 1, None
    shown = "".join(c if c.isprintable() else "?" for c in raw)[:20]
    return 0, f"There is no chapter “{shown}”; this presentation has chapters 1 to {count}. Showing the first."
