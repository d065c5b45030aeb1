"""Date phrases in conflict reports, resolved against the published date.

Explicit dates ("17 June 2025", "June 17, 2025", "2025-06-17", "March 2024") are found by
the regexes below and read by ``dateparser``; the relative phrases news reports use ("late
Monday", "the early hours of Tuesday", "overnight", "last week", "in April") follow the
rules of this module:

- a weekday is the most recent such day on or before the published date; "last Tuesday" is
  the Tuesday of the week before the published week (Monday to Sunday);
- "overnight" / "last night" alone span the day before publication and the day itself;
- a weekday's night ("Friday night", "late Friday night") runs past midnight: it spans that
  day and the next (never past publication), as a police log dates a shot fired at 1 a.m. on
  the Saturday;
- "last week" is the Monday..Sunday before the published week, "last month" the whole
  previous month, "last year" the whole previous year;
- a month named alone ("in April", "April's attack") is the most recent such month that
  does not start after the published date, always as the whole month;
- a holiday on a fixed day ("New Year's Day", "Christmas Eve", "the Fourth of July") is the
  most recent such day on or before the published date; New Year's Eve, a night that runs
  past midnight, spans 31 December and 1 January.

Without a published date a relative phrase is kept but left unresolved (``precision``
"unknown"); nothing is ever resolved against today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from typing import Final, TypeAlias

from dateparser.date import DateDataParser

from ..assemble.prefilter import Prefilter
from ..types import DateMention, Evidence, Precision

__all__ = ["find_dates", "merge_range"]

Span: TypeAlias = tuple[dt.date, dt.date, Precision]
Resolved: TypeAlias = tuple[dt.date | None, dt.date | None, Precision, bool]
Rule: TypeAlias = Callable[[re.Match[str], dt.date | None], Resolved | None]
Found: TypeAlias = tuple[int, int, Resolved, bool]

_UNRESOLVED: Final[Resolved] = (None, None, "unknown", True)
_RANK: Final[dict[Precision, int]] = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_ONE_DAY: Final = dt.timedelta(days=1)

# fmt: off
_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# fmt: on

# --- the regexes: months and weekdays are matched capitalized only ("officials may revise")

_FULL_MONTH = "|".join(_MONTHS)
_MONTH = rf"(?:(?:{_FULL_MONTH})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
_WD = "|".join(_WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_PART = r"(?i:morning|afternoon|evening|night)"
_WD_LEAD = (
    r"(?i:(?:the\s+)?(?:early|small|wee)\s+hours\s+of|(?:the\s+)?night\s+of"
    r"|overnight(?:\s+(?:into|on|from))?|(?:late|early)(?:\s+on)?)\s+"
)
# "Tuesday, 17 June", "the early hours of Tuesday, 17 June": one phrase, the explicit date
_WD_PREFIX = rf"(?:(?:{_WD_LEAD})?(?:{_WD})(?:\s+{_PART})?,?\s+(?:the\s+)?)?"

_DMY = re.compile(
    rf"\b(?P<d>{_WD_PREFIX}(?:(?P<a>\d{{1,2}}){_ORD}(?:\s*[-–]\s*|\s+(?:to|and)\s+))?"
    rf"(?P<day>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<mon>{_MONTH})(?:,?\s+(?P<y>\d{{4}})\b)?)"
)
_MDY = re.compile(
    rf"\b(?P<d>{_WD_PREFIX}(?P<mon>{_MONTH})\s+(?:(?P<a>\d{{1,2}}){_ORD}\s*[-–]\s*)?"
    rf"(?P<day>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>\d{{4}})\b)?)"
)
_ISO = re.compile(r"\b(?P<d>(?P<y>\d{4})-\d{2}-\d{2})(?![\d-])")
_MONTH_YEAR = re.compile(
    rf"\b(?P<d>(?:(?i:early|mid|late)[\s-]+)?(?P<mon>{_MONTH})\s+(?P<y>\d{{4}}))\b"
)
_MONTH_ALONE = re.compile(
    r"(?:\b(?P<pre>(?i:in|since|during|until|till|by|from|through|throughout|of|last|this))\s+)?"
    rf"\b(?P<d>(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<mon>{_FULL_MONTH}))\b(?P<poss>['’]s\b)?"
)
_YEAR_ALONE = re.compile(
    r"(?:\b(?P<pre>(?i:in|since|during|until|by|throughout|of))\s+)?"
    r"\b(?P<d>(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<y>(?:19|20)\d{2}))(?![-–/]?\d)"
    r"(?!\s+(?!(?:as|was|is|has|this)\b)[a-z]+s\b)"  # "in 2000 homes" is a count
)
_WEEKDAY = re.compile(
    rf"\b(?P<d>(?:(?<!\bthe\s)(?P<last>(?i:last))\s+)?(?:{_WD_LEAD})?(?P<wd>{_WD})(?:\s+{_PART})?"
    rf"(?:\s+(?i:into|to)\s+(?:(?i:early|late)\s+)?(?P<wd2>{_WD})(?:\s+{_PART})?)?)"
)
# Holidays on a fixed day of the year: "early New Year's Day", "on Christmas Eve", "Halloween
# night". A bare "Christmas" or "New Year's" is a date only after "on" ("a Christmas party").
_HOLIDAY = re.compile(
    r"\b(?P<d>(?:(?i:early|late)\s+(?:on\s+)?)?"
    r"(?P<h>New\s+Year['’]s(?:\s+(?P<ny>Eve|Day))?|Christmas(?:\s+(?P<xm>Eve|Day))?|Halloween"
    r"|Valentine['’]s\s+Day|Fourth\s+of\s+July|July\s+Fourth)"
    r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?)\b"
)
# "Friday night", "late Friday night", "the night of Friday": not "overnight", "Friday evening".
_NIGHT = re.compile(r"\bnight\b", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b(?:Good|Black|Bloody|Super|Ash|Holy|Cyber|Maundy|Palm)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Observer|Mail)\b")
_CAPITALIZED_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")


# --- spans of days, weeks, months and years -----------------------------------------------


def _days_back(published: dt.date, days: int) -> Span:
    day = published - dt.timedelta(days=days)
    return day, day, "day"


def _week_of(day: dt.date) -> Span:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), "week"


def _month_span(year: int, month: int) -> Span:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last), "month"


def _year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _previous_month(published: dt.date) -> Span:
    day = published.replace(day=1) - _ONE_DAY
    return _month_span(day.year, day.month)


def _weekend(published: dt.date) -> Span:
    saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
    return saturday, saturday + _ONE_DAY, "week"


def _last_weekday(day: dt.date, weekday: int) -> dt.date:
    """The most recent ``weekday`` (Monday = 0) on or before ``day``."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _month_number(name: str) -> int:
    return [m[:3] for m in _MONTHS].index(name[:3].title()) + 1


@functools.lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def _parse(phrase: str, base: dt.date) -> dt.date | None:
    """``phrase`` read by dateparser; missing parts come from ``base``, never from today.

    Remembered: a report repeats its dates, and dateparser takes milliseconds a phrase.
    """
    try:
        value = _parser(base).get_date_data(phrase).date_obj
    except (ValueError, OverflowError):
        return None
    return value.date() if isinstance(value, dt.datetime) else None


# --- rules: a match and the published date in, a resolved date (or None: not a date) out


def _explicit(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """ "17 June 2025", "June 16-17, 2025", "Tuesday, 17 June", "3 March"."""
    year, day = m["y"], int(m["day"])
    first = int(m["a"]) if m["a"] else day
    if not 1 <= first <= day <= 31:
        return None
    if year is None and published is None:
        return _UNRESOLVED
    base = published if published is not None else dt.date(int(year), 1, 1)
    end = _parse(f"{day} {m['mon']} {year or ''}".strip(), base)
    if end is None:
        return None
    if first == day and _NIGHT.search(m["d"]):
        return end, _night_end(end, published), "day", year is None  # "Friday night, Jan. 24"
    return end.replace(day=first), end, "day", year is None


def _iso(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    day = _parse(m["d"], published or dt.date(int(m["y"]), 1, 1))
    return None if day is None else (day, day, "day", False)


def _month_year(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    day = _parse(f"{m['mon']} {m['y']}", published or dt.date(int(m["y"]), 1, 1))
    return None if day is None else (*_month_span(day.year, day.month), False)


def _after_name(m: re.Match[str]) -> bool:
    """True when the match follows a capitalized word: "Theresa May's", "USA Today"."""
    start = m.start("d")
    return _CAPITALIZED_BEFORE.search(m.string, max(0, start - 40), start) is not None


def _month_alone(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """ "in April", "in early April", "April's attack"; "May" alone is the modal verb."""
    if not (m["pre"] or m["mod"] or (m["poss"] and not _after_name(m))):
        return None
    if published is None:
        return _UNRESOLVED
    month = _month_number(m["mon"])
    year = published.year if month <= published.month else published.year - 1
    return (*_month_span(year, month), True)


def _year_alone(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """ "in 2022", "since 2014", "mid-2023"; a bare number is not a year."""
    if not (m["pre"] or m["mod"]):
        return None
    return (*_year_span(int(m["y"])), False)


def _weekday(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """ "late Monday", "the early hours of Tuesday", "overnight Monday into Tuesday"."""
    start = m.start("wd")
    if m.start("d") == start and _NAME_BEFORE.search(m.string, max(0, start - 12), start):
        return None  # "Good Friday", "Super Tuesday"
    if _NAME_AFTER.match(m.string, m.end("wd")):
        return None  # "the Sunday Times"
    if published is None:
        return _UNRESOLVED
    end = _last_weekday(published, _WEEKDAYS.index(m["wd2"] or m["wd"]))
    first = _last_weekday(end, _WEEKDAYS.index(m["wd"])) if m["wd2"] else end
    if m["last"] and not m["wd2"]:
        # "last Tuesday" told on a Wednesday is the Tuesday of the week before, not yesterday
        monday = published - dt.timedelta(days=published.weekday() + 7)
        first = end = monday + dt.timedelta(days=_WEEKDAYS.index(m["wd"]))
    if not m["wd2"] and _NIGHT.search(m["d"]):
        end = _night_end(first, published)
    return first, end, "day", True


def _night_end(day: dt.date, published: dt.date | None) -> dt.date:
    """The last day a night that began on ``day`` covers: the small hours of the next day, as
    "Friday night" takes in a shooting at 1 a.m. Saturday, but never a day after publication."""
    if published is None:
        return day + _ONE_DAY
    return min(day + _ONE_DAY, max(day, published))


def _holiday(m: re.Match[str], published: dt.date | None) -> Resolved | None:
    """ "New Year's Day", "early on Christmas Eve", "Halloween night": the latest such day on or
    before publication."""
    name = m["h"].lower()
    bare = (name.startswith("new") and not m["ny"]) or name == "christmas"
    before = m.string[max(0, m.start("h") - 4) : m.start("h")]
    if bare and not m["part"] and not re.search(r"\b[Oo]n\s+$", before):
        return None  # "a Christmas party", "New Year's resolutions"
    if published is None:
        return _UNRESOLVED
    if name.startswith("new"):
        month, day = (12, 31) if m["ny"] == "Eve" else (1, 1)
    elif name.startswith("christmas"):
        month, day = 12, 24 if m["xm"] == "Eve" else 25
    elif name == "halloween":
        month, day = 10, 31
    elif name.startswith("valentine"):
        month, day = 2, 14
    else:  # the Fourth of July
        month, day = 7, 4
    passed = (month, day) <= (published.month, published.day)
    found = dt.date(published.year if passed else published.year - 1, month, day)
    if m["ny"] == "Eve":
        # The night of New Year's Eve runs past midnight ("shots as the clock struck
        # midnight"), as "overnight" spans two days.
        return found, min(found + _ONE_DAY, max(found, published)), "day", True
    if m["part"] and _NIGHT.match(m["part"]):
        return found, _night_end(found, published), "day", True  # "Halloween night"
    return found, found, "day", True


def _relative(compute: Callable[[re.Match[str], dt.date], Span]) -> Rule:
    """A rule for a phrase that only the published date can resolve."""

    def rule(m: re.Match[str], published: dt.date | None) -> Resolved | None:
        if m["d"][0].isupper() and _after_name(m):
            return None  # "USA Today"
        if published is None:
            return _UNRESOLVED
        return (*compute(m, published), True)

    return rule


def _ci(body: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<d>{body})\b", re.IGNORECASE)


_RULES: Final[tuple[tuple[re.Pattern[str], Rule], ...]] = (
    (_DMY, _explicit),
    (_MDY, _explicit),
    (_ISO, _iso),
    (_MONTH_YEAR, _month_year),
    (_MONTH_ALONE, _month_alone),
    (_YEAR_ALONE, _year_alone),
    (_WEEKDAY, _weekday),
    (_HOLIDAY, _holiday),
    (_ci(r"the\s+day\s+before\s+yesterday"), _relative(lambda m, p: _days_back(p, 2))),
    (
        _ci(r"(?:(?:late|early)\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?"),
        _relative(lambda m, p: _days_back(p, 1)),
    ),
    (
        _ci(r"the\s+(?:day\s+before|previous\s+day)(?!\s+(?:the|a|an|his|her|their|its)\b)"),
        _relative(lambda m, p: _days_back(p, 1)),
    ),
    (
        _ci(r"(?:earlier\s+)?today|(?:earlier\s+|late\s+)?this\s+(?:morning|afternoon|evening)"),
        _relative(lambda m, p: _days_back(p, 0)),
    ),
    (
        _ci(r"(?:(?:late|early)\s+)?(?:last\s+night|the\s+previous\s+night)|overnight"),
        _relative(lambda m, p: (p - _ONE_DAY, p, "day")),
    ),
    (
        _ci(rf"(?P<n>\d{{1,2}}|{'|'.join(_NUMBERS)})\s+days\s+ago"),
        _relative(lambda m, p: _days_back(p, int(_NUMBERS.get(m["n"].lower(), m["n"])))),
    ),
    (_ci(r"(?:last|the\s+previous)\s+week"), _relative(lambda m, p: _week_of(p - 7 * _ONE_DAY))),
    (_ci(r"(?:(?:earlier|later)\s+)?this\s+week"), _relative(lambda m, p: _week_of(p))),
    (
        _ci(r"the\s+(?:past|last)\s+(?:week|seven\s+days|7\s+days)(?!\s+of\b)"),
        _relative(lambda m, p: (p - 7 * _ONE_DAY, p, "week")),
    ),
    (_ci(r"(?:this\s+|last\s+|the\s+)weekend"), _relative(lambda m, p: _weekend(p))),
    (_ci(r"(?:last|the\s+previous)\s+month"), _relative(lambda m, p: _previous_month(p))),
    (
        _ci(r"(?:(?:earlier|later)\s+)?this\s+month"),
        _relative(lambda m, p: _month_span(p.year, p.month)),
    ),
    (_ci(r"(?:last|the\s+previous)\s+year"), _relative(lambda m, p: _year_span(p.year - 1))),
    (_ci(r"(?:earlier\s+)?this\s+year"), _relative(lambda m, p: _year_span(p.year))),
)


# The rules whose phrases name their calendar day ("Jan. 25", "New Year's Day").
_NAMED: Final = frozenset({_explicit, _iso, _holiday})
_MAY_DATE = Prefilter([pattern for pattern, _ in _RULES])


def _longest_first(found: list[Found]) -> list[Found]:
    """Non-overlapping matches, a longer one winning over any it overlaps, by offset."""
    chosen: list[Found] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(item[1] <= other[0] or item[0] >= other[1] for other in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f[0])


def find_dates(text: str, *, article_id: str, published: dt.date | None) -> list[DateMention]:
    """Every date phrase in ``text``, sorted by offset and non-overlapping.

    Relative phrases ("late Monday", "in April") are resolved against ``published`` and
    marked ``relative``; with ``published=None`` they stay unresolved (precision
    "unknown"). Absolute dates with a year resolve either way.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    found: list[Found] = []
    for (pattern, rule), may in zip(_RULES, _MAY_DATE.may_match_each(text), strict=True):
        if not may:
            continue  # the text has none of the words this phrase is made of
        for m in pattern.finditer(text):
            resolved = rule(m, published)
            if resolved is not None:
                found.append((m.start("d"), m.end("d"), resolved, rule in _NAMED))
    return [
        DateMention(
            evidence=Evidence.of(article_id, text, start, end),
            start=first,
            end=last,
            precision=precision,
            relative=relative,
            named=named,
        )
        for start, end, (first, last, precision, relative), named in _longest_first(found)
    ]


def merge_range(
    mentions: Sequence[DateMention],
) -> tuple[dt.date | None, dt.date | None, Precision]:
    """The span that several mentions of one event cover, at the finest precision present.

    "began late Monday and continued into the early hours of Tuesday" gives Monday..Tuesday
    at "day"; a coarser mention ("last week") beside a finer one adds nothing. With no
    resolved mention the result is ``(None, None, "unknown")``.
    """
    resolved = [m for m in mentions if m.start is not None and m.end is not None]
    if not resolved:
        return None, None, "unknown"
    finest = min((m.precision for m in resolved), key=_RANK.__getitem__)
    starts = [m.start for m in resolved if m.precision == finest and m.start is not None]
    ends = [m.end for m in resolved if m.precision == finest and m.end is not None]
    return min(starts), max(ends), finest
