"""The benchmark's scoring rules (bench/score.py and friends), on inputs written for these tests."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # `bench/` sits beside `src/`, outside the installed package
    sys.path.insert(0, str(ROOT))

from bench import score  # noqa: E402
from bench.datasets import Document, RoleCase, RoleSpan, detokenize, stratified_sample  # noqa: E402
from bench.fields import main_event, role_fields  # noqa: E402
from bench.report import excerpt  # noqa: E402

# --- F1 ------------------------------------------------------------------------------------

# A: 3 gold, 2 found, never wrongly predicted  -> P 1,   R 2/3, F1 0.8
# B: 2 gold, 1 found, predicted twice          -> P 1/2, R 1/2, F1 0.5
# C: 1 gold, 1 found, predicted twice          -> P 1/2, R 1,   F1 2/3
GOLD = ["A", "A", "A", "B", "B", "C"]
PRED = ["A", "A", "B", "B", "C", "C"]


def test_per_class_scores_on_a_tiny_confusion() -> None:
    scores = score.per_class_f1(GOLD, PRED)
    assert scores["A"].precision == 1.0
    assert scores["A"].recall == pytest.approx(2 / 3)
    assert scores["A"].f1 == pytest.approx(0.8)
    assert scores["B"].f1 == pytest.approx(0.5)
    assert scores["C"].f1 == pytest.approx(2 / 3)
    assert [scores[k].support for k in "ABC"] == [3, 2, 1]


def test_weighted_and_macro_f1_by_hand() -> None:
    assert score.f1_weighted(GOLD, PRED) == pytest.approx((0.8 * 3 + 0.5 * 2 + 2 / 3) / 6)
    assert score.f1_macro(GOLD, PRED) == pytest.approx((0.8 + 0.5 + 2 / 3) / 3)
    assert score.accuracy(GOLD, PRED) == pytest.approx(4 / 6)


def test_labels_only_predicted_are_not_averaged_but_still_cost_recall() -> None:
    gold, pred = ["Riots", "Protests"], ["Riots", "(none)"]
    assert score.f1_macro(gold, pred) == pytest.approx(0.5)  # Riots 1.0, Protests 0.0
    assert score.f1_weighted(gold, pred) == pytest.approx(0.5)
    assert score.per_class_f1(gold, pred)["(none)"].support == 0


def test_perfect_and_mismatched_inputs() -> None:
    assert score.f1_macro(["x", "y"], ["x", "y"]) == 1.0
    with pytest.raises(ValueError, match="2 gold labels but 1 predictions"):
        score.per_class_f1(["x", "y"], ["x"])


def test_top_confusions_counts_only_errors() -> None:
    assert score.top_confusions(GOLD, PRED) == [("A -> B", 1), ("B -> C", 1)]


# --- geography -----------------------------------------------------------------------------


def test_haversine() -> None:
    assert score.haversine_km(10.0, 20.0, 10.0, 20.0) == 0.0
    assert score.haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.195, abs=0.01)
    paris_london = score.haversine_km(48.8566, 2.3522, 51.5074, -0.1278)
    assert paris_london == pytest.approx(343.5, abs=1.0)
    assert score.haversine_km(0.0, 179.9, 0.0, -179.9) == pytest.approx(22.24, abs=0.01)


def test_distance_buckets_put_25_km_inside() -> None:
    assert score.distance_bucket(25.0) == "<= 25 km"
    assert score.distance_bucket(25.1) == "<= 100 km"
    assert score.distance_bucket(None) == "no coordinates"


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ("Marib", "Ma’rib"),
        ("Sanaa", "Sanaa Governorate"),
        ("Ile-de-France", "Île de France"),
        ("Kyiv City", "kyiv city"),
    ],
)
def test_same_place_ignores_case_accents_punctuation_and_generic_words(
    gold: str, pred: str
) -> None:
    assert score.same_place(gold, pred)


def test_different_or_missing_places_do_not_match() -> None:
    assert not score.same_place("Sahel", "Centre")
    assert not score.same_place("Sahel", None)
    assert not score.same_place("", "")


def test_acled_numeric_iso_to_alpha2() -> None:
    assert score.acled_country_code("4", "AFG") == "AF"
    assert score.acled_country_code("854", "BFA") == "BF"
    assert score.acled_country_code("642", "ROM") == "RO"
    assert score.acled_country_code("0", "XKX") == "XK"


@pytest.mark.parametrize(
    ("actor", "inter", "country", "expected"),
    [
        ("Military Forces of Russia (2000-)", "8", "UA", "RU"),
        ("Police Forces of Burkina Faso (2015-) Gendarmerie", "1", "BF", "BF"),
        ("Military Forces of Turkey (2016-)", "8", "IQ", "TR"),
        ("Rioters (India)", "5", "IN", "IN"),
        ("Unidentified Armed Group (Syria)", "3", "SY", "SY"),
        ("Koglweogo Militia", "3", "BF", "BF"),
        ("Taliban", "2", "AF", None),
        ("Islamic State (Greater Sahara)", "2", "BF", None),
        ("Military Forces of Artsakh (2007-)", "1", "AZ", None),
        ("Operation Restoring Hope", "8", "YE", None),
    ],
)
def test_actor_country(actor: str, inter: str, country: str, expected: str | None) -> None:
    assert score.actor_country(actor, inter, country) == expected


# --- dates ---------------------------------------------------------------------------------

MON, TUE, WED = dt.date(2025, 6, 16), dt.date(2025, 6, 17), dt.date(2025, 6, 18)


def test_a_day_is_exact_only_on_the_gold_day() -> None:
    assert score.date_exact(TUE, TUE, TUE)
    assert not score.date_exact(MON, MON, TUE)


def test_a_range_is_exact_when_either_end_is_the_gold_day() -> None:
    assert score.date_exact(MON, TUE, TUE)  # "late Monday into Tuesday"
    assert score.date_exact(MON, TUE, MON)
    assert not score.date_exact(MON, WED, TUE)  # contains it, but neither end
    assert score.date_within(MON, WED, TUE)


def test_missing_dates() -> None:
    assert not score.date_exact(None, None, TUE)
    assert not score.date_within(None, None, TUE)
    assert score.date_within(TUE, None, TUE)
    assert score.date_miss_reason(None, None, TUE) == "no date"
    assert score.date_miss_reason(MON, MON, TUE) == "off by 1 day"


# --- fatalities on ACLED notes -------------------------------------------------------------

OWN_TOLL = "On 3 June 2021, gunmen killed four villagers at a market in a northern town."
NO_DEATHS = "On 3 June 2021, about 300 teachers protested outside the ministry. [size=about 300]"


@pytest.mark.parametrize(
    "note",
    [
        "On 2 June 2021, troops and rebels clashed; 20 fatalities split between 3 events.",
        "On 2 June 2021, an airstrike hit a camp. Unknown fatalities coded as 10.",
        "On 2 June 2021, a shell hit a house, bringing the total killed this week to 31.",
        "On 2 June 2021, two soldiers died in an ambush [31 killed since Monday].",
        "On 2 June 2021, militants attacked a village; deaths spread across three locations.",
        "On 2 June 2021, fighting went on; fatalities unclear.",
    ],
)
def test_notes_with_the_coders_arithmetic_are_left_out(note: str) -> None:
    assert not score.states_own_count(note)
    assert not score.acled_fatalities_scored(note, 5, include_zero=True)


def test_notes_that_state_their_own_toll_are_scored() -> None:
    assert score.states_own_count(OWN_TOLL)
    assert score.acled_fatalities_scored(OWN_TOLL, 4, include_zero=False)
    assert score.states_own_count(NO_DEATHS)  # a crowd size in brackets is not a toll


def test_zero_tolls_count_only_in_the_all_stated_variant() -> None:
    assert not score.acled_fatalities_scored(NO_DEATHS, 0, include_zero=False)
    assert score.acled_fatalities_scored(NO_DEATHS, 0, include_zero=True)


def test_a_toll_the_note_never_speaks_of_is_not_scored() -> None:
    assert not score.acled_fatalities_scored(NO_DEATHS, 2, include_zero=True)


# --- spans ---------------------------------------------------------------------------------


def test_span_overlap_is_half_open() -> None:
    assert score.spans_overlap((0, 5), (4, 8))
    assert score.spans_overlap((2, 3), (0, 10))
    assert not score.spans_overlap((0, 5), (5, 8))
    assert not score.spans_overlap((3, 3), (0, 10))
    assert score.overlaps_any((10, 12), [(0, 2), (11, 20)])
    assert not score.overlaps_any((10, 12), [])


def test_role_fields_pair_actor_evidence_with_roles() -> None:
    text = "Rebels shelled the town and killed two farmers with mortars."
    doc = Document(id="d1", text=text)
    spans = (
        RoleSpan(group="attacker", start=0, end=6, text="Rebels"),
        RoleSpan(group="victim_target", start=38, end=45, text="farmers"),
        RoleSpan(group="instrument", start=51, end=58, text="mortars"),
    )

    def ev(start: int, end: int) -> dict[str, object]:
        return {"article_id": "d1", "start": start, "end": end, "text": text[start:end]}

    event = {
        "relation": "main",
        "actors": [
            {"name": "Rebels", "role": "perpetrator"},
            {"name": "Farmers", "role": "target"},
        ],
        "evidence": {"actors": [ev(0, 6), ev(34, 45)]},
        "weapons": [{"kind": "mortar", "evidence": ev(19, 23)}],  # "town": elsewhere
    }
    result = {"id": "d1", "events": [event]}
    found = {
        f.name: f for f in role_fields([RoleCase(doc=doc, spans=spans, source="t")], {"d1": result})
    }
    assert found["roles.attacker.found"].score == 1.0
    assert found["roles.victim_target.found"].score == 1.0
    assert found["roles.instrument.found"].score == 0.0
    assert found["roles.instrument.found"].items[0].confusion == "weapon spans elsewhere"
    assert main_event(result) == event
    assert main_event(None) is None


# --- inputs and report -----------------------------------------------------------------------


def test_detokenize_keeps_offsets() -> None:
    sentences = [["He", "said", '"', "no", '"', "."], ["It", "'s", "(", "fine", ")", "!"]]
    text, offsets = detokenize(sentences)
    assert text == 'He said "no". It\'s (fine)!'
    tokens = [t for s in sentences for t in s]
    assert [text[s:e] for s, e in offsets] == tokens


def test_stratified_sample_is_seeded_and_covers_every_stratum() -> None:
    items = [("big", i) for i in range(90)] + [("rare", i) for i in range(3)]
    first = stratified_sample(items, key=lambda x: x[0], size=20, seed=7, minimum=5)
    again = stratified_sample(items, key=lambda x: x[0], size=20, seed=7, minimum=5)
    assert first == again
    assert len(first) == 20
    assert sum(1 for s, _ in first if s == "rare") == 3
    assert first == sorted(first, key=items.index)  # input order kept
    assert stratified_sample(items, key=lambda x: x[0], size=20, seed=8, minimum=5) != first


def test_floor_is_two_points_below_rounded_down() -> None:
    assert score.floor_below(0.8123) == 0.79
    assert score.floor_below(0.5) == 0.48
    assert score.floor_below(0.01) == 0.0


def test_excerpt_centres_on_the_focus() -> None:
    text = "a" * 300 + "TARGET" + "b" * 300
    piece = excerpt(text, focus=300, size=60)
    assert "TARGET" in piece
    assert piece.startswith("...") and piece.endswith("...")
    assert excerpt("short  text\nhere") == "short text here"


def test_a_field_below_its_floor_fails_and_update_keeps_floors(tmp_path: Path) -> None:
    from bench.fields import Field
    from bench.run import compare, write_baseline

    def field(name: str, value: float | None) -> Field:
        return Field(name=name, group=name, score=value, n=10, items=(), about="")

    baseline = {"a": {"score": 0.9, "floor": 0.88}, "b": {"score": 0.5, "floor": 0.48}}
    rows = compare([field("a", 0.87), field("b", 0.6), field("c", 0.7)], baseline)
    assert [r.status for r in rows] == ["BELOW FLOOR", "ok", "new"]
    assert rows[1].delta == pytest.approx(0.1)

    path = tmp_path / "baseline.json"
    meta = {"commit": "abc", "dirty": False, "date": "2025-06-17", "acled_sample": 10, "seed": 1}
    write_baseline(path, rows, baseline, meta)
    written = json.loads(path.read_text(encoding="utf-8"))["fields"]
    assert written["a"] == {"score": 0.87, "floor": 0.88}  # the floor is never lowered here
    assert written["b"] == {"score": 0.6, "floor": 0.48}
    assert written["c"] == {"score": 0.7, "floor": 0.68}
