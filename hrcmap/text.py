"""Plain-text rules shared by every sentence, label and search: folding, plurals, lists of words."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


# nouns whose plural is not the noun with an "s"
_IRREGULAR = {"country": "countries", "city": "cities", "commitment": "commitments"}


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``3 places``, ``1 country``, ``1,320 places``: the one rule for counted nouns."""
    word = noun if n == 1 else (many or _IRREGULAR.get(noun, noun + "s"))
    return f"{n:,} {word}"


def join_words(items: Iterable[str], word: str = "or") -> str:
    """``a``, ``a or b``, ``a, b or c``."""
    kept = [i for i in items if i]
    if len(kept) <= 1:
        return "".join(kept)
    return ", ".join(kept[:-1]) + f" {word} " + kept[-1]


def place_names(places: Any) -> Any:
    """What views call each place (a column of a places table): its ``label`` ("Louisville,
    Colorado" where a name repeats in its country), or its name in a table without labels."""
    return places["label" if "label" in places else "name"]
