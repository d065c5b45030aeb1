"""The public API is exactly what __all__ says."""

from __future__ import annotations

import sitreps


def test_all_lists_the_public_names() -> None:
    assert sorted(sitreps.__all__) == [
        "Article", "Event", "Evidence", "InputError", "Result", "SitrepsError", "__version__",
        "extract_article",
    ]  # fmt: skip
    for name in sitreps.__all__:
        assert hasattr(sitreps, name)


def test_extract_article_survives_the_extract_subpackage_import() -> None:
    import sitreps.extract.numbers

    assert callable(sitreps.extract_article)
