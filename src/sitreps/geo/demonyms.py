"""Demonyms and national adjectives: "Russian" -> RU, "Burkinabè" -> BF, "Israelis" -> IL.

The table is ``sitreps/data/demonyms.tsv``. A demonym is a nationality, never a place: the
place finder skips words this module knows, and uses them as a weak hint of which countries
an article is about.
"""

from __future__ import annotations

import functools
import importlib.resources
import re

from .gazetteer import normalize_name

__all__ = ["country_of_demonym", "names_currency"]

# "the US dollar", "Lebanese pound exchange rate": a nationality that names money.
_CURRENCY = re.compile(
    r"[ \t]+(?:dollars?|pounds?|euros?|rubles?|roubles?|rupees?|dinars?|riyals?|rials?|lira"
    r"|liras|yuan|francs?|shillings?|nairas?|hryvnias?|currency|exchange)\b",
    re.IGNORECASE,
)


def names_currency(text: str, end: int) -> bool:
    """Whether the demonym or country ending at ``end`` names a currency ("US dollar"): it
    says nothing of where an event is."""
    return _CURRENCY.match(text, end) is not None


@functools.cache
def _table() -> dict[str, str]:
    text = importlib.resources.files("sitreps").joinpath("data/demonyms.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip() or line.startswith("demonym\t"):
            continue
        word, code = line.split("\t")
        table[normalize_name(word)] = code
    return table


def country_of_demonym(word: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of the country ``word`` is a demonym of, or None.

    Case, accents and a plural "s" do not matter: "russians" and "Burkinabe" are found.
    """
    key = normalize_name(word)
    table = _table()
    code = table.get(key)
    if code is None and key.endswith("s"):
        code = table.get(key[:-1])
    return code
