"""Choosing among the candidates of every place an article names, all at once.

A name alone is ambiguous ("Soum" is a province of Burkina Faso and a town in Senegal); the
article around it is not. Each name's candidates are scored by their prior (log10 of the
population) plus what the rest of the article says:

- **country support**: how strongly the article points at a country, from countries and
  regions it names, the demonyms it uses, and the other names it holds (each name votes for
  the countries its candidates lie in, in proportion to their population, so "Djibo", a town
  only Burkina Faso has, votes for Burkina Faso). A name never votes for itself. Country
  support alone lifts a small place only a little above a world city, a country or a big
  region of its name elsewhere ("Paris" in a report about Russia, "England" in one about
  Los Angeles).
- **named regions**: a candidate in a region the text names elsewhere ("Richmond" in a
  report that names Kentucky) is preferred, by that region's share of the regions the text
  names in its country.
- **neighbours**: the text is read twice; a candidate within 60 km of where the other names
  may be (their likeliest namesakes) is preferred a little, and one near where the first
  reading placed them more ("Mansfield" in a report that names Shreveport).
- **counties**: a town in a county the text names, and the county a town the text names
  lies in, is preferred ("Athens" and "Henderson County": the Texas town and its county);
  a county named after its seat says nothing of the seat.
- **containers**: in "Town (Commune, Province)" and "X district, Province", the names after
  a place contain it: a candidate inside what they resolved to (same admin2 or admin1, or
  near it) is preferred.

And rules no score can overturn:

- when some candidate lies in a country the article points at, a candidate in a country
  nothing points at is never chosen, unless it is a country, a region or a big city
  (population 100,000 or more);
- a country no other place points at gives way to a region of its name in a country the
  article is about ("Georgia" in a report on Gainesville and Duluth), and to a town of its
  name in a county the text names ("Lebanon" and "Boone County", Indiana);
- a small place in a country nothing points at is left unresolved when the places, or an
  actor of one country ("Taliban", "Koglweogo"), point firmly elsewhere; an actor's country
  reaches across its borders (GeoNames' neighbours), where such groups often fight; so is
  one far from where a group of several countries fights ("JNIM": Mali, Burkina Faso,
  Niger and their neighbours). A big city is exempt only when the name is its own: "Pensa"
  is no spelling of Penza in a report on the Sahel;
- a village with namesakes in the regions where the text's actors act ("OSCE SMM": Donetsk
  and Luhansk oblasts) is the one there;
- a place before its region ("Pisky, Donetsk", "Sahar (Sadah)") is the namesake in that
  region when the gazetteer has one; in brackets (or held as firmly: "X in Y", "the X area
  of Y", "X district, Province"), when it has none, the place is left to its region; after
  a comma, when every namesake lies far from the region, the place is taken to be somewhere
  in it ("Holliday, Missouri", a village the gazetteer lacks, is no Holliday of Texas),
  unless it may be a big city or a region of a list ("Moscow, Kyiv").
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .gazetteer import SETTLEMENT_FEATURES, Candidate, normalize_name

__all__ = ["Mention", "resolve"]

_NAMED_COUNTRY = 3.0  # votes of a country the text names, per naming (at most two)
_NAMED_ADMIN1 = 2.0
_DEMONYM = 1.0
_LOCAL = 1.0  # an actor of one country ("Taliban", "Police Forces of Niger"), per naming
_SUPPORT_BONUS = 2.5  # per unit of support, up to _SUPPORT_CAP
_SUPPORT_CAP = 2.0
_STRONG = 0.6  # support that makes a country "pointed at"
_BIG = 100_000
_WORLD_CITY = 500_000
_SAME_ADMIN2 = 4.0
_SAME_ADMIN1 = 2.5
_NEAR_KM = 60.0
_NEAR = 2.0
_NAMED_CITY = 4.0
_WEAK = 0.3
_FIRM = 1.0
_REGION = frozenset({"admin1", "other"})
_IN_NAMED_REGION = 1.5
_CONTAINS = 1.5
_MAX_VOTERS = 8  # a name's candidates that vote, most likely first
_SHARED_REGION = 0.5  # per other name that may lie in the same region, up to _SHARED_CAP
_SHARED_CAP = 6
_SHARED_COUNTY = 1.5  # per other name that may lie in the same county, up to _SHARED_COUNTY_CAP
_SHARED_COUNTY_CAP = 2
_COUNTY_VOTERS = 16  # a name's candidates whose counties count: a county seat may be far down
_AWAY_KM = 400.0  # from a region's middle: no part of it, nor of a neighbour's border
_SPELLED_OUT = 4  # letters of a region's name written out, not abbreviated ("Ga.", "Va.")


@dataclass(slots=True)
class Mention:
    """One name in the text and what the gazetteer offers for it."""

    candidates: Sequence[Candidate]
    # Indices of the mentions that contain this one ("(Commune, Province)" after it).
    containers: list[int] = field(default_factory=list)
    # Kept out of the country votes: a name the model doubted, which must agree with the rest.
    votes: bool = True
    # Its containers are in brackets after it ("Djibo (Djibo, Soum)"): it lies in their
    # country, whatever it is, or is unknown.
    bracketed: bool = False
    # The name as matched: a name votes once however often it is repeated.
    key: str | None = None


def _explicit(c: Candidate) -> float:
    if c.feature == "country":
        return _NAMED_COUNTRY
    if c.feature == "admin1":
        return _NAMED_ADMIN1
    return 0.0


def _vote(candidates: Sequence[Candidate]) -> dict[str, float]:
    """How a name spreads one vote over countries, by its candidates' priors."""
    top = [c for c in candidates[:_MAX_VOTERS] if c.country_code]
    if not top:
        return {}
    first = top[0]
    explicit = _explicit(first)
    if explicit and first.country_code:
        # "Burkina Faso", "Helmand": a name whose likeliest meaning is a country or region;
        # "Georgia", a country and a state of another, is as likely either.
        also = {
            c.country_code
            for c in top[1:]
            if c.feature == "admin1" and first.feature == "country" and c.country_code
        } - {first.country_code}
        return dict.fromkeys((first.country_code, *sorted(also)), explicit / (1 + len(also)))
    weights: defaultdict[str, float] = defaultdict(float)
    best = max(c.prior for c in top)
    for c in top:
        assert c.country_code is not None
        weights[c.country_code] += 10 ** (c.prior - best)
    total = sum(weights.values())
    return {cc: w / total for cc, w in weights.items()}


def _km(a: Candidate, b: Candidate) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return _km_between(a.lat, a.lon, b.lat, b.lon)


def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


_County = tuple[str | None, str | None, str]


def _away(c: Candidate, regions: Sequence[Candidate]) -> bool:
    """Whether a small place lies far from every region named as holding it."""
    if _big(c) or c.lat is None or c.lon is None:
        return False
    return all(
        _km_between(c.lat, c.lon, r.middle_lat, r.middle_lon) > _AWAY_KM
        for r in regions
        if r.middle_lat is not None and r.middle_lon is not None
    )


def _county(c: Candidate) -> _County | None:
    """The second-level division a place lies in (or is), by name within its region."""
    if c.feature in ("country", "admin1") or not c.admin2 or not c.admin1:
        return None
    return c.country_code, c.admin1, _division_key(c.admin2)


# Few divisions, looked up for every candidate of every name, twice.
_division_key = functools.lru_cache(maxsize=1 << 14)(normalize_name)


@dataclass(frozen=True, slots=True)
class _Counties:
    """The counties the text names, and those its towns may lie in, with the names that
    say so: a local report names a town and its county ("Lebanon", "Boone County": the
    Lebanon of Boone County, Indiana, and that county), which two names rarely share by
    chance. Towns with towns are left to :class:`_Anchors`."""

    # By county: the names that place something there, with the name of what they place.
    named: Mapping[_County, set[tuple[object, str]]]
    of_towns: Mapping[_County, set[tuple[object, str]]]

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> _Counties:
        named: defaultdict[_County, set[tuple[object, str]]] = defaultdict(set)
        of_towns: defaultdict[_County, set[tuple[object, str]]] = defaultdict(set)
        for k, m in enumerate(mentions):
            if not m.votes or not m.candidates:
                continue
            # A bare "Washington" is no Washington County: a name is a county's when that is
            # its likeliest sense.
            division = m.candidates[0].feature == "other"
            for c in m.candidates[:_COUNTY_VOTERS]:
                county = _county(c)
                if county is not None and division == (c.feature == "other"):
                    (named if division else of_towns)[county].add((m.key or k, c.name))
        return cls(named, of_towns)

    def sharing(self, c: Candidate, here: object) -> int:
        """How many other names say ``c`` is where they are: counties for a town, towns for
        a county. A county named after its seat says nothing of which namesake the seat is
        ("Dadu city (Dadu, Sindh)")."""
        county = _county(c)
        if county is None:
            return 0
        by = self.named if c.feature != "other" else self.of_towns
        return len({key for key, name in by.get(county, ()) if key != here and name != c.name})

    def names_county_of(self, c: Candidate, here: object) -> bool:
        """Whether ``c`` is a town in a county another name of the text names."""
        return c.feature in SETTLEMENT_FEATURES and self.sharing(c, here) > 0


def _inside(c: Candidate, container: Candidate) -> float:
    """A bonus for ``c`` lying in (or near) what a container name resolved to."""
    if c.country_code != container.country_code:
        return 0.0
    if (
        container.admin2
        and c.admin2
        and normalize_name(c.admin2) == normalize_name(container.admin2)
    ):
        return _SAME_ADMIN2
    bonus = 0.0
    if container.admin1 and c.admin1 == container.admin1:
        bonus = _SAME_ADMIN1
    if container.feature not in ("country", "admin1") and _km(c, container) <= _NEAR_KM:
        bonus = max(bonus, _NEAR)
    return bonus


def _foreign(best: Candidate, backed: float, strongest: float) -> bool:
    """A small place in a country nothing else in the text points at, when the text points
    firmly at another: better left unresolved than put on another continent."""
    if best.feature in ("country", "admin1") or _big(best):
        return False
    return backed < _WEAK and strongest >= _FIRM


def _big(c: Candidate) -> bool:
    """A big city known by the name written: not "Pensa" for Penza in a report on the Sahel,
    a likelier village there than a spelling of a city so far away."""
    return c.population >= _BIG and c.match == 0


def _large(c: Candidate, mention: Mention) -> bool:
    """A country or region is never held by what follows it; nor, after a mere comma, a big
    city ("Moscow, Kyiv" may only list two capitals)."""
    return c.feature in ("country", "admin1") or (not mention.bracketed and _big(c))


def _held(mention: Mention, containers: Sequence[Candidate]) -> set[str] | None:
    """The countries a place must lie in, by what contains it: those of its containers in
    brackets, or of a region named after a comma ("Pisky, Donetsk": the oblast as much as
    the city). None when nothing says so."""
    known = containers if mention.bracketed else [c for c in containers if c.feature in _REGION]
    return {c.country_code for c in known if c.country_code} or None


def _held_regions(containers: Sequence[Candidate]) -> set[tuple[str | None, str | None]]:
    """The first-level divisions a place must lie in, by the regions among its containers:
    a town in brackets before its region, or before a region and a comma, lies in that
    region, not in a namesake's. A county or district container is not trusted so far: many
    share a name across regions ("Hall County")."""
    known = [c for c in containers if c.feature == "admin1"]
    return {(c.country_code, c.admin1) for c in known if c.country_code and c.admin1}


def _as_container(mention: Mention, chosen: Candidate | None) -> list[Candidate]:
    """What a containing name stands for: its chosen place, and the region of that name in
    the same country ("Pisky, Donetsk": Donetsk the oblast as much as the city)."""
    if chosen is None:
        return []
    regions = [
        c
        for c in mention.candidates
        if c is not chosen and c.country_code == chosen.country_code and c.feature in _REGION
    ]
    return [chosen, *regions]


def _region_shares(
    regions: Sequence[tuple[str | None, str | None] | None], mentions: Sequence[Mention], i: int
) -> dict[tuple[str | None, str | None], float]:
    """How much of what the text names of a country's regions, mention ``i`` aside, is each
    region: a local report names its own state, a national one names many ("Ohio",
    "Montana", "Iowa"), where none of them says where a "Washington" is."""
    named: defaultdict[tuple[str | None, str | None], set[object]] = defaultdict(set)
    for j, r in enumerate(regions):
        if r is not None and j != i:
            named[r].add(mentions[j].key or j)
    per_country: Counter[str | None] = Counter()
    for (cc, _), keys in named.items():
        per_country[cc] += len(keys)
    return {r: len(keys) / per_country[r[0]] for r, keys in named.items()}


def resolve(
    mentions: Sequence[Mention],
    *,
    demonyms: Mapping[str, int] | None = None,
    named: Collection[str] = (),
    local: Mapping[str, int] | None = None,
    near_local: Collection[str] = (),
    areas: Collection[str] = (),
    actor_regions: Collection[str] = (),
) -> list[tuple[Candidate | None, float]]:
    """The candidate each mention most likely means (None for a mention with none), and how
    strongly the rest of the text points at its country.

    Read twice: the first prefers a little a candidate near where the other names may be
    (their likeliest namesakes: "Richmond" and "Madison County" have namesakes beside each
    other in Kentucky); the second, more, one near where the first placed them ("Mansfield"
    in a report that names Shreveport is the Louisiana town, not the bigger one in Texas).

    ``named``: normalized names of the places the text names; a city district whose city is
    among them is preferred ("Solomyanskyi district" in a report that names Kyiv).
    ``local``: countries the text's actors belong to by their names ("Taliban"), which point
    at a country as firmly as a place does, though not at its borders: a small place in one
    of ``near_local`` (those countries and their neighbours) is never foreign for them.
    ``areas``: countries where the text's actors fight, of groups that fight in several
    ("JNIM"), with their neighbours: a small place elsewhere that nothing else points at is
    a namesake, left unresolved. ``actor_regions``: first-level divisions (ISO 3166-2) where
    the text's actors act ("OSCE SMM"): a village that has namesakes in them and elsewhere,
    and no region named for it, is the one in them.
    """
    clues = _Clues(
        demonyms=demonyms or {}, named=named, local=local or {}, near_local=near_local,
        areas=areas, actor_regions=actor_regions,
    )  # fmt: skip
    possible = _Anchors.possible(mentions)
    first = _resolve_once(mentions, clues, anchors=(possible,))
    placed = _Anchors.of(mentions, [c for c, _ in first])
    if not placed.cells:
        return first
    return _resolve_once(mentions, clues, anchors=(possible, placed))


@dataclass(frozen=True, slots=True)
class _Clues:
    """What the rest of the text says of where its places are (see :func:`resolve`)."""

    demonyms: Mapping[str, int]
    named: Collection[str]
    local: Mapping[str, int]
    near_local: Collection[str]
    areas: Collection[str]
    actor_regions: Collection[str]


def _resolve_once(
    mentions: Sequence[Mention], clues: _Clues, *, anchors: Sequence[_Anchors] = ()
) -> list[tuple[Candidate | None, float]]:
    """One reading of :func:`resolve`, given where a former one placed the names."""
    demonyms, named, local = clues.demonyms, clues.named, clues.local
    near_local, areas, actor_regions = clues.near_local, clues.areas, clues.actor_regions
    counties = _Counties.of(mentions)
    votes = [_vote(m.candidates) if m.votes else {} for m in mentions]
    for k, m in enumerate(mentions):
        # "Lebanon" in a report that names Boone County votes as the Lebanon there.
        if m.votes and m.candidates and m.candidates[0].feature == "country":
            towns = [c for c in m.candidates if counties.names_county_of(c, m.key or k)]
            votes[k] = {towns[0].country_code: 1.0} if towns and towns[0].country_code else votes[k]
    support: defaultdict[str, float] = defaultdict(float)
    # A name votes once however often it is repeated: "Kain" twice is no more Belgian.
    voted: dict[object, dict[str, float]] = {}
    for m, vote in zip(mentions, votes, strict=True):
        voted.setdefault(m.key or tuple(m.candidates[:_MAX_VOTERS]), vote)
    # What a container of its own name takes out of the support is the vote counted for
    # the name: "Cordoba (Cordoba)", a town and its province, counts one vote, the town's,
    # which the province's would not cancel.
    named_after = {j for m in mentions if m.key for j in m.containers if mentions[j].key == m.key}
    votes = [
        voted[m.key or tuple(m.candidates[:_MAX_VOTERS])] if i in named_after and m.votes else v
        for i, (m, v) in enumerate(zip(mentions, votes, strict=True))
    ]
    for vote in voted.values():
        for cc, v in vote.items():
            support[cc] += v
    # What the places point at: a demonym names an actor's nationality, which may be foreign
    # ("Saudi aircraft" over Yemen), so it alone never rules a place out as foreign.
    by_places = dict(support)
    # And what the actors do, when no border is near: "Taliban" points at Afghanistan.
    by_actors = dict(by_places)
    for cc, n in (local or {}).items():
        by_actors[cc] = by_actors.get(cc, 0.0) + _LOCAL * min(n, 2)
    for cc, n in (demonyms or {}).items():
        support[cc] += _DEMONYM * min(n, 2)
    # Regions the text names: "Richmond" in a report that names Kentucky is Richmond, Ky.
    regions = [
        (m.candidates[0].country_code, m.candidates[0].admin1)
        if m.votes and m.candidates and m.candidates[0].feature == "admin1"
        else None
        for m in mentions
    ]
    # Regions the names may share: "Decatur", "Avondale" and "DeKalb" all have a namesake in
    # Georgia, which is where a local report naming the three most likely is.
    shared: defaultdict[tuple[str | None, str], set[object]] = defaultdict(set)
    for m in mentions:
        if not m.votes:
            continue
        for c in m.candidates[:_MAX_VOTERS]:
            if c.admin1 and c.feature != "country":
                shared[(c.country_code, c.admin1)].add(m.key or tuple(m.candidates[:_MAX_VOTERS]))
    # A container is what the text says a place lies in: it is not overruled by the place.
    inside: defaultdict[int, list[int]] = defaultdict(list)
    for k, m in enumerate(mentions):
        for j in m.containers:
            inside[j].append(k)
    containing = set(inside)
    chosen: list[Candidate | None] = [None] * len(mentions)
    backed = [0.0] * len(mentions)
    # Containers come after what they contain: resolve from the end, so that "Soum" is
    # settled before "Djibo (Djibo, Soum)" asks it.
    for i in reversed(range(len(mentions))):
        mention = mentions[i]
        if not mention.candidates:
            continue
        own = votes[i]

        def others(cc: str | None, own: Mapping[str, float] = own) -> float:
            return support.get(cc or "", 0.0) - own.get(cc or "", 0.0)

        containers = [k for j in mention.containers for k in _as_container(mentions[j], chosen[j])]

        named_regions = _region_shares(regions, mentions, i)
        # A container lies in a country where what it contains can be: "Bafoussam town
        # (Mifi, Ouest)" is Cameroon's West, not Haiti's Ouest.
        contained = {
            c.country_code
            for k in inside.get(i, ())
            for c in mentions[k].candidates[:_MAX_VOTERS]
            if c.country_code
        }
        # And in brackets, a region where it can be: "Colon (Colon)" is Panama's province of
        # that name, where Colón lies, not Honduras's department, which has no town of it.
        holds = {
            (c.country_code, c.admin1)
            for k in inside.get(i, ())
            if mentions[k].bracketed
            for c in mentions[k].candidates[:_MAX_VOTERS]
            if c.feature in SETTLEMENT_FEATURES and c.admin1
        }

        # Countries of a world city, a country or a big region of the name ("Paris",
        # "Jordan", "England"): that a text is about another country makes a small namesake
        # there likelier, not likelier than it.
        famous = {
            c.country_code
            for c in mention.candidates
            if c.feature == "country"
            or (c.population >= _WORLD_CITY and c.feature in (*SETTLEMENT_FEATURES, "admin1"))
        }
        me: object = mention.key or tuple(mention.candidates[:_MAX_VOTERS])
        # "Nevada", "England": a name that is first a state or a country is not taken for a
        # town because other names share the town's region.
        if mention.candidates[0].feature in ("country", "admin1"):
            me = None

        def score(
            c: Candidate,
            containers: Sequence[Candidate | None] = containers,
            named_regions: Mapping[tuple[str | None, str | None], float] = named_regions,
            contained: Collection[str | None] = contained,
            holds: Collection[tuple[str | None, str | None]] = holds,
            me: object = me,
            here: object = mention.key or i,
            famous: set[str | None] = famous,
        ) -> float:
            cap = _SUPPORT_CAP if c.population >= _BIG or not famous - {c.country_code} else 1.0
            total = c.prior + _SUPPORT_BONUS * min(others(c.country_code), cap)
            if me is not None and c.admin1 and c.feature not in ("country", "admin1"):
                sharing = len(shared.get((c.country_code, c.admin1), set()) - {me})
                total += _SHARED_REGION * min(sharing, _SHARED_CAP)
            total += _SHARED_COUNTY * min(counties.sharing(c, here), _SHARED_COUNTY_CAP)
            if c.feature != "admin1":
                total += _IN_NAMED_REGION * named_regions.get((c.country_code, c.admin1), 0.0)
            if me is not None:
                total += sum(a.bonus(c, here) for a in anchors)
            if containers:
                total += max(_inside(c, k) for k in containers if k is not None)
            if c.feature == "district" and c.city and normalize_name(c.city) in named:
                total += _NAMED_CITY
            if c.country_code in contained:
                total += _CONTAINS
            if c.feature == "admin1" and (c.country_code, c.admin1) in holds:
                total += _CONTAINS
            return total

        pool = list(mention.candidates)
        held = _held(mention, containers)
        if held is not None:
            pool = [c for c in pool if c.country_code in held or _large(c, mention)]
            if not pool:
                continue  # "Elenovka, Donetsk" is no town in Armenia
            # An abbreviated region ("Va." of "W. Va.") is too often misread to hold a place.
            spelled = [
                k
                for j in mention.containers
                if mention.bracketed or len(mentions[j].key or "") >= _SPELLED_OUT
                for k in _as_container(mentions[j], chosen[j])
            ]
            within = _held_regions(spelled)
            in_region = [
                c
                for c in pool
                if (c.country_code, c.admin1) in within or c.feature in ("country", "admin1")
            ]
            if within and not in_region and mention.bracketed:
                continue  # "Sahar (Sadah)" is no town of another governorate
            # "Pisky, Donetsk" is the namesake in that oblast; where the region has none, the
            # gazetteer may only lack it, and the likeliest elsewhere stands, unless all lie
            # far from the region: "Holliday, Missouri" is no village of Texas, but a place
            # the gazetteer lacks, which is in Missouri. A big city or a region of the name
            # stands wherever it is: "Moscow, Kyiv" is a list.
            if within and not in_region and not any(_large(c, mention) for c in pool):
                holders = [k for k in spelled if k.feature == "admin1" and k.admin1]
                if holders and all(_away(c, holders) for c in pool):
                    in_region = holders[:1]
            pool = in_region if within and in_region else pool
        if held is None and any(c.admin1_code in actor_regions for c in pool):
            pool = [c for c in pool if c.admin1_code in actor_regions or _large(c, mention)]
        if any(others(c.country_code) >= _STRONG for c in pool):
            pool = [
                c
                for c in pool
                if others(c.country_code) >= _STRONG
                or c.feature in ("country", "admin1")
                or _big(c)
            ]
        # "Georgia" in a text about the US is the state: a country no other place in the
        # text points at gives way to a region of its name in a country the text is about
        # ("Georgian" there is as likely the state's); so it does to a town of its name there
        # that lies in a county the text names ("Lebanon" and "Boone County", Indiana).
        about = {c.country_code for c in pool if c.feature == "admin1"}
        about |= {c.country_code for c in pool if counties.names_county_of(c, mention.key or i)}
        about = {cc for cc in about if others(cc) >= _STRONG}
        if about:
            pool = [
                c
                for c in pool
                if c.feature != "country"
                or c.country_code in about
                or by_places.get(c.country_code or "", 0.0) - own.get(c.country_code or "", 0.0)
                >= _WEAK
            ]
        best = max(pool, key=score)  # max keeps the first of equals: the likeliest
        # "Al-Hasakeh": a spelling of a big city that is also its region's name is the city.
        judged = best
        if best.population >= _BIG and any(
            c.feature == "admin1" and c.country_code == best.country_code for c in pool
        ):
            judged = dataclasses.replace(best, match=0)
        pointing = by_places if best.country_code in near_local else by_actors
        strongest = max((v - own.get(cc, 0.0) for cc, v in pointing.items()), default=0.0)
        # A place in the region named after it ("Acapulco, Guerrero") is where it is said to be.
        placed = i in containing or (held is not None and best.country_code in held)
        if not placed and _foreign(judged, others(best.country_code), strongest):
            continue  # "Touro (Gorom-Gorom, Oudalan)" is no village in Spain
        if (
            not placed
            and areas
            and best.country_code not in areas
            and _foreign(judged, others(best.country_code), _FIRM)
        ):
            # JNIM fighters in "Zana" are in no Tunisian village; in "Sibi", in the Malian
            # town, not the bigger Pakistani one.
            fought = [c for c in pool if c.country_code in areas and c.feature != "country"]
            if not fought:
                continue
            best = max(fought, key=score)
        chosen[i], backed[i] = best, others(best.country_code)
    _one_sense(mentions, chosen)
    return list(zip(chosen, backed, strict=True))


_ANCHOR_BONUS = 1.0  # per other name placed near a candidate, up to _ANCHOR_CAP
_MAY_BONUS = 0.5  # per other name that has a namesake near a candidate (the first reading)
_ANCHOR_CAP = 2
_ANCHOR_KM = 60.0  # a local report's places lie within an hour's drive of each other
_CELL = 0.6  # degrees: grid cells of about _ANCHOR_KM, searched with their neighbours
_MAY_VOTERS = 8  # a name's likeliest namesakes, where it may stand


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(lat // _CELL), int(lon // _CELL)


@dataclass(slots=True)
class _Anchors:
    """Points the other names of a text stand at, on a grid, countries and regions aside (a
    national story names states, which say nothing of where in them its towns are)."""

    weight: float = _ANCHOR_BONUS
    cells: dict[tuple[int, int], list[tuple[float, float, object]]] = field(default_factory=dict)

    def add(self, c: Candidate, key: object) -> None:
        if c.lat is None or c.lon is None or c.feature in ("country", "admin1"):
            return
        self.cells.setdefault(_cell(c.lat, c.lon), []).append((c.lat, c.lon, key))

    @classmethod
    def of(cls, mentions: Sequence[Mention], chosen: Sequence[Candidate | None]) -> _Anchors:
        """Where a reading placed each name."""
        anchors = cls()
        for i, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
            if c is not None and m.votes:
                anchors.add(c, m.key or i)
        return anchors

    @classmethod
    def possible(cls, mentions: Sequence[Mention]) -> _Anchors:
        """Where each name may be: its likeliest namesakes, each a weaker anchor."""
        anchors = cls(weight=_MAY_BONUS)
        for i, m in enumerate(mentions):
            if m.votes:
                for c in m.candidates[:_MAY_VOTERS]:
                    anchors.add(c, m.key or i)
        return anchors

    def bonus(self, c: Candidate, here: object) -> float:
        """More for each other name standing near ``c`` (``here``: the name being placed)."""
        if not self.cells or c.lat is None or c.lon is None:
            return 0.0
        if c.feature in ("country", "admin1"):
            return 0.0
        row, col = _cell(c.lat, c.lon)
        near: set[object] = set()
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                for lat, lon, other in self.cells.get((row + dr, col + dc), ()):
                    if other == here or other in near:
                        continue
                    if _km_between(c.lat, c.lon, lat, lon) <= _ANCHOR_KM:
                        near.add(other)
        return self.weight * min(len(near), _ANCHOR_CAP)


def _kind(c: Candidate) -> str:
    return "settlement" if c.feature in SETTLEMENT_FEATURES else c.feature


def _one_sense(mentions: Sequence[Mention], chosen: list[Candidate | None]) -> None:
    """A name repeated in one article means one place: "GLASGOW, Ky." and, further on,
    "Glasgow" are the same town, not one in Kentucky and one in Scotland. The place of a
    mention that says where it lies ("Amherst, Mass.") stands for all; else the place most
    of the mentions chose, when most did. Only places of one kind are merged: "Donetsk
    region" and "Donetsk" remain an oblast and its city."""
    groups: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
        if m.key and c is not None:
            groups[(m.key, _kind(c))].append(i)
    for members in groups.values():
        picks = [chosen[i] for i in members]
        if len({(c.geonames_id, c.lat, c.lon) for c in picks if c}) < 2:
            continue
        held = [chosen[i] for i in members if mentions[i].containers]
        # Only mentions that could have chosen each of the places picked have a say: a name
        # inside a longer one ("Amherst College") was offered only the notable namesake.
        ids = {(c.geonames_id, c.lat, c.lon) for c in picks if c}
        informed = [
            i
            for i in members
            if ids <= {(c.geonames_id, c.lat, c.lon) for c in mentions[i].candidates}
        ] or members
        counts = Counter(
            (c.geonames_id, c.lat, c.lon) for i in informed if (c := chosen[i]) is not None
        )
        if held:
            preferred = held[0]
        else:
            ranked = counts.most_common(2)
            top, n = ranked[0]
            if len(ranked) > 1 and n == ranked[1][1]:
                continue
            preferred = next(c for c in picks if c and (c.geonames_id, c.lat, c.lon) == top)
        assert preferred is not None
        # Also where a mention offered only the bigger namesake: a name inside a longer one
        # ("Glasgow Police Department") is looked up among notable places only.
        for i in members:
            chosen[i] = preferred
