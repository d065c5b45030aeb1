"""A learned event-type classifier: spaCy bag-of-n-grams over ACLED's 25 sub-event types.

It is trained by `make train` (``python -m sitreps.assemble.train``) from the ACLED notes in
``../shared/data/acled`` and shipped in ``sitreps/data/typing_model``. Rules stay in charge where
they are surer (a named weapon, protest words); the classifier decides the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR = "typing_model"
_DIGITS = re.compile(r"\d")
# ACLED's notes open with their date and close with size tags; neither says what happened.
_NOISE = re.compile(
    r"^\W*(?:on|around|between|reported\s+on|as\s+reported\s+on)?\s*[^,]{0,40}\d{4},\s*|\[size=[^\]]*\]",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Prediction:
    sub_event_type: str
    probability: float


def normalize(text: str) -> str:
    """The text the classifier sees: lower case, digits masked, dates and size tags dropped."""
    return _DIGITS.sub("0", _NOISE.sub(" ", text).lower()).strip()


def model_path() -> Path:
    return Path(str(resources.files("sitreps") / "data" / MODEL_DIR))


@lru_cache(maxsize=1)
def load_classifier() -> Language | None:
    """The shipped classifier, or None when it has not been trained (`make train`)."""
    path = model_path()
    if not (path / "meta.json").exists():
        return None
    import spacy

    nlp: Language = spacy.load(path)
    return nlp


@lru_cache(maxsize=4096)
def predict(text: str) -> Prediction | None:
    """The most likely ACLED sub-event type of ``text``, with its probability.

    Remembered: segmenting and event typing ask about the same sentences, and each call runs
    the model (the answer is immutable)."""
    nlp = load_classifier()
    if nlp is None or not text.strip():
        return None
    cats = nlp(normalize(text)).cats
    label = max(cats, key=lambda k: cats[k])
    return Prediction(sub_event_type=label, probability=float(cats[label]))
