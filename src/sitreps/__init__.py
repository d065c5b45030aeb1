"""sitreps: reports of armed conflict in, structured events with evidence out."""

from importlib.metadata import PackageNotFoundError, version

from .errors import InputError, SitrepsError
from .types import Article, Event, Evidence, Result

try:
    __version__ = version("sitreps")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"


def extract(article: Article) -> Result:
    """Everything sitreps reads in one article (loads the model on first use)."""
    from .pipeline import extract_article

    return extract_article(article)


__all__ = [
    "Article",
    "Event",
    "Evidence",
    "InputError",
    "Result",
    "SitrepsError",
    "__version__",
    "extract",
]
