"""The HTTP API and the map dashboard of `sitreps serve`.

snapshot.py  the events in memory as the lists serve them: records, summaries, features,
             filters, pages
deflate.py   records compressed once each, joined into a deflated JSON array per page
params.py    the query parameters of the lists, read by hand and described for OpenAPI
reader.py    the store read-only: a snapshot per store state, the file for one event or article
app.py       the FastAPI application: /api/events, /api/events/{id}, /api/articles/{id},
             /api/events.geojson, /openapi.json, and the page at / (from ``sitreps.web``)
"""

from .app import create_app, serve
from .params import DEFAULT_LIMIT, MAX_LIMIT
from .reader import Reader
from .snapshot import Page, Snapshot

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "Page",
    "Reader",
    "Snapshot",
    "create_app",
    "serve",
]
