"""Reading a text only as deep as the extractors need, on texts written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.casualties import CASUALTY_WORDS
from sitreps.focus import plan, tells_event
from sitreps.geo.gazetteer import Candidate, Gazetteer
from sitreps.nlp.partial import Stretch, annotate, whole
from sitreps.nlp.pipeline import doc_tokens, load_nlp
from sitreps.pipeline import extract_article, parse_texts
from sitreps.types import Article

REVIEW = (
    "The new laptop has a brighter screen and a better keyboard.\n"
    "Battery life is about ten hours in our tests.\n"
    "Reviewers in Nairobi liked the price. The speakers are loud.\n"
)
ATTACK = "Gunmen killed 12 people in an attack on a market in Nairobi on Tuesday.\n"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    nairobi = Candidate(name="Nairobi", feature="city", country_code="KE", country="Kenya",
                        lat=-1.28, lon=36.82, population=2_750_000)  # fmt: skip
    return Gazetteer.from_entries([(nairobi, ["Nairobi"])])


def _depths(text: str, gazetteer: Gazetteer) -> list[tuple[str, str]]:
    """(text, depth) of each fully read stretch and of each sentence of the others."""
    doc = load_nlp().make_doc(text)
    found = []
    for s in plan(doc, gazetteer=gazetteer):
        starts = s.sentences or (s.start,)
        for first, last in zip(starts, (*starts[1:], s.end), strict=True):
            found.append((doc[first:last].text.strip(), s.depth))
    return found


def test_event_words() -> None:
    assert tells_event("Two soldiers were wounded in the clash.")
    assert tells_event("The blast claimed 12 lives.")
    assert not tells_event("The keyboard is better than last year's.")
    assert CASUALTY_WORDS.search("the death toll rose") is not None


def test_one_paragraph_is_read_whole(gazetteer: Gazetteer) -> None:
    text = "The new laptop has a brighter screen. Battery life is about ten hours."
    doc = load_nlp().make_doc(text)
    assert plan(doc, gazetteer=gazetteer) == whole(doc)


def test_paragraphs_are_read_as_deep_as_needed(gazetteer: Gazetteer) -> None:
    depths = _depths(REVIEW + ATTACK, gazetteer)
    assert depths[0] == ("The new laptop has a brighter screen and a better keyboard.", "tokens")
    assert ("Battery life is about ten hours in our tests.", "tokens") in depths
    assert ("Reviewers in Nairobi liked the price.", "entities") in depths
    # A review that reaches the attack only after its first three paragraphs recalls it.
    assert depths[-1] == (ATTACK.strip(), "entities")
    # A report that opens on it is parsed where it tells it.
    depths = _depths(ATTACK + REVIEW, gazetteer)
    assert depths[0] == (ATTACK.strip(), "full")
    assert ("Reviewers in Nairobi liked the price.", "entities") in depths


def test_quotes_and_events_are_parsed_only_in_a_report_whose_lede_tells_one(
    gazetteer: Gazetteer,
) -> None:
    quote = '"It is the best one yet," the maker said.\n'
    assert (quote.strip(), "tokens") in _depths(REVIEW + quote, gazetteer)
    read = _depths(ATTACK + REVIEW + quote, gazetteer)
    assert [depth for text, depth in read if quote.strip() in text] == ["full"]
    # The attack told only after the review's three paragraphs: a review recalling it.
    read = _depths(REVIEW + ATTACK + quote, gazetteer)
    assert [depth for text, depth in read if quote.strip() in text] == ["tokens"]


def test_only_the_first_sentence_of_a_quiet_opening_is_read_in_full(
    gazetteer: Gazetteer,
) -> None:
    opening = "The library added a wing in May. Its architect works in Nairobi. It is bright.\n"
    depths = _depths(opening + ATTACK, gazetteer)
    assert depths == [
        ("The library added a wing in May.", "full"),
        ("Its architect works in Nairobi.", "entities"),
        ("It is bright.", "tokens"),
        (ATTACK.strip(), "full"),
    ]
    # A text whose lede tells no event is parsed nowhere: the learned typing reads words.
    assert {depth for _, depth in _depths(opening + REVIEW, gazetteer)} == {"entities", "tokens"}


def test_wrapped_lines_stay_one_paragraph(gazetteer: Gazetteer) -> None:
    text = (
        "Gunmen killed two people in Nairobi.\n"
        "Its screen is bright and its\nkeyboard is quiet.\nIt costs less."
    )
    doc = load_nlp().make_doc(text)
    stretches = plan(doc, gazetteer=gazetteer)
    assert [doc[s.start : s.end].text for s in stretches] == [
        "Gunmen killed two people in Nairobi.\n",
        "Its screen is bright and its\nkeyboard is quiet.\nIt costs less.",
    ]
    assert [s.depth for s in stretches] == ["full", "tokens"]
    assert len(stretches[1].sentences) == 2


def test_annotated_doc_keeps_the_text_and_splits_sentences() -> None:
    text = REVIEW + ATTACK
    (doc,) = parse_texts([text])
    assert doc.text == text
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert "The speakers are loud." in sentences
    assert "Battery life is about ten hours in our tests." in sentences
    assert ("Nairobi", "GPE") in [(e.text, e.label_) for e in doc.ents]


def test_whole_plan_is_the_full_pipeline() -> None:
    nlp = load_nlp()
    text = "Gunmen killed 12 people in Nairobi. Police said they fled."
    (doc,) = annotate(nlp, [nlp.make_doc(text)], [[Stretch(0, 12, "full")]])
    expected = nlp(text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in expected
    ]


def test_a_plan_must_cover_the_doc() -> None:
    nlp = load_nlp()
    doc = nlp.make_doc("One sentence here. And another one.")
    with pytest.raises(ValueError, match="plan"):
        annotate(nlp, [doc], [[Stretch(0, 3, "tokens")]])


def test_a_page_that_reaches_violence_past_its_lede_reports_no_event() -> None:
    assert extract_article(Article(id="t", text=REVIEW + ATTACK)).events == ()


def test_events_of_a_long_page_told_in_its_lede_are_found() -> None:
    result = extract_article(Article(id="t", text=ATTACK + REVIEW))
    assert result.events
    assert result.events[0].fatalities is not None
    assert result.events[0].fatalities.best == 12


def test_a_stretch_read_in_part_is_annotated_as_a_copy_of_it_alone() -> None:
    nlp = load_nlp()
    text = "Gunmen killed 12 people in Nairobi. Police said they fled. The rain stopped."
    doc = nlp.make_doc(text)
    split = next(t.i for t in doc if t.text == "Police")
    plan_ = [Stretch(0, split, "full"), Stretch(split, len(doc), "entities", (split,))]
    (annotated,) = annotate(nlp, [doc], [plan_])
    alone = nlp(doc[:split].text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in annotated[:split]] == [
        (t.tag_, t.dep_, t.head.i, t.ent_type_) for t in alone
    ]
    assert "vector" not in annotated.user_span_hooks  # the hook lives only while copying


def test_tokens_listed_before_the_parse_read_its_annotations() -> None:
    nlp = load_nlp()
    text = "Gunmen killed 12 people in Nairobi."
    doc = nlp.make_doc(text)
    listed = doc_tokens(doc)
    assert doc_tokens(doc) is listed  # made once per doc
    (annotated,) = annotate(nlp, [doc], [whole(doc)])
    assert annotated is doc
    assert [t.ent_type_ for t in listed] == [t.ent_type_ for t in nlp(text)]
    assert "GPE" in [t.ent_type_ for t in listed]


def test_the_recognizer_reads_only_the_names_of_a_sentence(gazetteer: Gazetteer) -> None:
    nlp = load_nlp()
    doc = nlp.make_doc(REVIEW)
    (stretch,) = [s for s in plan(doc, gazetteer=gazetteer) if s.depth == "entities"]
    nairobi = next(t.i for t in doc if t.text == "Nairobi")
    reviewers = next(t.i for t in doc if t.text == "Reviewers")
    # Its two capitalized words, read together: they are closer than two margins.
    assert stretch.windows == ((reviewers, nairobi + 1),)
    (annotated,) = annotate(nlp, [doc], [plan(doc, gazetteer=gazetteer)])
    assert [(e.text, e.label_) for e in annotated.ents] == [("Nairobi", "GPE")]


def test_a_window_is_labelled_and_the_rest_of_its_stretch_is_not() -> None:
    nlp = load_nlp()
    text = "Reporters from Reuters met in Nairobi on Monday."
    doc = nlp.make_doc(text)
    nairobi = next(t.i for t in doc if t.text == "Nairobi")
    window = Stretch(0, len(doc), "entities", (0,), windows=((nairobi, nairobi + 1),))
    (annotated,) = annotate(nlp, [doc], [[window]])
    assert [(e.text, e.label_) for e in annotated.ents] == [("Nairobi", "GPE")]
    assert "ORG" in [e.label_ for e in nlp(text).ents]  # read whole, Reuters is one


BACKGROUND = (
    "The war in the north has entered its third year.\n"
    "Aid agencies say a million people have left their homes since the invasion.\n"
    "Both armies have dug in along the river.\n"
)


def test_a_lede_on_the_war_is_the_background_of_the_event_told_after_it() -> None:
    result = extract_article(Article(id="t", text=BACKGROUND + ATTACK))
    assert result.events
    assert result.events[0].fatalities is not None
    assert result.events[0].fatalities.best == 12
    # One word of war is a figure of speech: a price war leads no report of an attack.
    fares = "The price war among airlines deepened.\nFares fell.\nShares rose on Tuesday.\n"
    assert extract_article(Article(id="t", text=fares + ATTACK)).events == ()
