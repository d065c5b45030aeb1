"""The HTTP API and the map dashboard of `sitreps serve`.

reader.py  the store read-only, one connection per request; paging and GeoJSON over it
app.py     the FastAPI application: /api/events, /api/events/{id}, /api/articles/{id},
           /api/events.geojson, /openapi.json, and the page at / (from ``sitreps.web``)
"""

from .app import MAX_LIMIT, create_app, serve
from .reader import Page, Reader

__all__ = ["MAX_LIMIT", "Page", "Reader", "create_app", "serve"]
