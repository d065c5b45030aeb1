"""sitreps: reports of armed conflict in, structured events with evidence out."""

import os
from importlib.metadata import PackageNotFoundError, version

# One BLAS thread per process: batches already run one worker process per core, and BLAS
# threads idling in a spin between the model's small products only burn the other core. Read
# by OpenBLAS when numpy first loads, so it must be set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .errors import InputError, SitrepsError
from .types import Article, Event, Evidence, Result

try:
    __version__ = version("sitreps")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"


def extract_article(article: Article) -> Result:
    """Everything sitreps reads in one article (loads the model on first use).

    Not named ``extract``: that is the subpackage of extractors, which would shadow it.
    """
    from .pipeline import extract_article as run

    return run(article)


__all__ = [
    "Article",
    "Event",
    "Evidence",
    "InputError",
    "Result",
    "SitrepsError",
    "__version__",
    "extract_article",
]
