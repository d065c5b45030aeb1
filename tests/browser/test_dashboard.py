"""The dashboard as an analyst uses it: the map's events, an event's panel, a figure's
sentence in its report, filters in the URL, markers from the keyboard, events at one place
told apart, and a phone-sized screen."""

from __future__ import annotations

import itertools
import json
import re
import urllib.request
from typing import Any
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Page, expect

from .conftest import screenshot


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return json.load(response)


def loaded(page: Page, url: str = "/") -> None:
    page.goto(url)
    expect(page.locator("#status")).to_contain_text("event")
    expect(page.locator("#status")).not_to_contain_text("Loading")


def test_the_map_shows_every_located_event(page: Page, server: str) -> None:
    features = api(server, "/api/events.geojson")["features"]
    lists: list[str] = []
    page.on("request", lambda r: lists.append(r.url) if "/api/events?" in r.url else None)
    loaded(page)
    markers = page.locator("path.event-marker")
    expect(markers).to_have_count(len(features))
    ids = {m.get_attribute("data-event-id") for m in markers.all()}
    assert ids == {f["id"] for f in features}
    # Country outlines are drawn from the vendored atlas.
    assert page.locator(".leaflet-overlay-pane path:not(.event-marker)").count() > 100
    total = len(api(server, "/api/events"))
    expect(page.locator(".event-item")).to_have_count(total)
    expect(page.locator("#timeline .day").first).to_be_visible()
    # The list needs a line an event: it asks for summaries, not the records the API defaults to.
    assert lists and all("view=summary" in url for url in lists)
    screenshot(page, "dashboard")


def test_clicking_a_marker_opens_its_panel(page: Page, server: str) -> None:
    loaded(page)
    top = page.locator("path.event-marker").last  # drawn last: nothing covers it
    event_id = top.get_attribute("data-event-id")
    event = api(server, f"/api/events/{event_id}")
    top.click()
    expect(page.locator("#panel")).to_be_visible()
    expect(page.locator("#panel-title")).to_contain_text(event["sub_event_type"])
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    expect(page.locator(f'.event-item[data-event-id="{event_id}"]')).to_have_attribute(
        "aria-current", "true"
    )


def test_a_figure_shows_the_sentence_it_came_from(page: Page, server: str) -> None:
    events = api(server, "/api/events?country=UA&min_fatalities=1")
    event = max(events, key=lambda e: len(e["timeline"]))
    loaded(page, f"/?event={event['event_id']}")
    expect(page.locator("#panel-title")).not_to_have_text("Loading…")
    expect(page.locator(".chart svg circle").first).to_be_visible()
    figures = page.locator("ul.figures .figure")
    expect(figures).to_have_count(len(event["timeline"]))
    last = event["timeline"][-1]
    figures.last.click()
    mark = page.locator("#source-text mark.evidence")
    expect(mark).to_have_text(last["evidence"]["text"])
    expect(mark).to_be_in_viewport()
    article = api(server, f"/api/articles/{last['article_id']}")
    assert page.locator("#source-text").text_content() == article["text"]
    screenshot(page, "event-panel-with-source")


def test_filters_change_the_list_and_the_url_and_come_back_on_load(page: Page, server: str) -> None:
    loaded(page)
    ukraine = api(server, "/api/events?country=UA")
    page.get_by_label("Country").select_option("UA")
    expect(page).to_have_url(re.compile(r"country=UA"))
    expect(page.locator(".event-item")).to_have_count(len(ukraine))
    page.get_by_label("Min. fatalities").fill("20")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"min_fatalities=20"))
    deadly = api(server, "/api/events?country=UA&min_fatalities=20")
    expect(page.locator(".event-item")).to_have_count(len(deadly))
    expect(page.locator("path.event-marker")).to_have_count(len(deadly))
    page.reload()
    expect(page.get_by_label("Country")).to_have_value("UA")
    expect(page.get_by_label("Min. fatalities")).to_have_value("20")
    expect(page.locator(".event-item")).to_have_count(len(deadly))
    page.go_back()  # to the country filter alone
    expect(page.locator(".event-item")).to_have_count(len(ukraine))


def test_events_open_from_the_keyboard(page: Page) -> None:
    loaded(page)
    first = page.locator(".event-item").first
    first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-title")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#panel")).to_be_hidden()


def test_markers_open_from_the_keyboard(page: Page, server: str) -> None:
    loaded(page)
    marker = page.locator("path.event-marker:focus")
    for _ in range(40):  # the skip link, the filters, the map, then its markers
        page.keyboard.press("Tab")
        if marker.count():
            break
    expect(marker).to_have_count(1)
    event_id = marker.get_attribute("data-event-id")
    assert marker.get_attribute("role") == "button"
    assert marker.get_attribute("aria-label")
    # A visible focus: the ring is the page's accent colour, four pixels wide.
    ring = marker.evaluate("m => [getComputedStyle(m).stroke, getComputedStyle(m).strokeWidth]")
    assert ring == ["rgb(11, 87, 208)", "4px"]
    expect(page.locator(".leaflet-tooltip")).to_be_visible()  # what the marker is
    page.keyboard.press("Tab")
    expect(page.locator("path.event-marker:focus")).to_have_count(1)  # the next marker
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#panel")).to_be_visible()
    expect(page.locator("#panel-title")).to_be_focused()
    event = api(server, f"/api/events/{event_id}")
    expect(page.locator("#panel-title")).to_contain_text(event["sub_event_type"])
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    page.keyboard.press("Escape")
    expect(page.locator("#panel")).to_be_hidden()
    expect(page.locator(f'path.event-marker[data-event-id="{event_id}"]')).to_be_focused()


def test_events_at_one_place_are_told_apart(page: Page, server: str) -> None:
    features = api(server, "/api/events.geojson")["features"]
    places: dict[tuple[float, float], list[str]] = {}
    for f in features:
        lon, lat = f["geometry"]["coordinates"]
        places.setdefault((round(lat, 4), round(lon, 4)), []).append(f["id"])
    shared = [ids for ids in places.values() if len(ids) > 1]
    assert shared, "the sample reports have events at one place"
    loaded(page)
    badges = page.locator(".place-count")
    expect(badges).to_have_count(len(shared))
    assert sorted(b.text_content() or "" for b in badges.all()) == sorted(
        str(len(ids)) for ids in shared
    )
    for ids in shared:
        boxes = []
        for event_id in ids:
            box = page.locator(f'path.event-marker[data-event-id="{event_id}"]').bounding_box()
            assert box is not None
            boxes.append(box)
        centres = [(b["x"] + b["width"] / 2, b["y"] + b["height"] / 2) for b in boxes]
        for (x1, y1), (x2, y2) in itertools.pairwise(centres):
            assert abs(x1 - x2) + abs(y1 - y2) > 10  # not drawn on top of each other
        markers = [page.locator(f'path.event-marker[data-event-id="{i}"]') for i in ids]
        labels = [m.get_attribute("aria-label") for m in markers]
        assert all(f"of {len(ids)} events at this place" in (label or "") for label in labels)
    # Each still opens its own event when clicked.
    event_id = shared[0][0]
    page.locator(f'path.event-marker[data-event-id="{event_id}"]').click()
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    screenshot(page, "markers-at-one-place")


def test_it_fits_a_phone(page: Page, server: str) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    event = api(server, "/api/events?min_fatalities=1")[0]
    loaded(page, f"/?event={event['event_id']}")
    expect(page.locator("#panel-title")).not_to_have_text("Loading…")
    page.locator("ul.figures .figure").first.click()
    expect(page.locator("#source-text mark.evidence")).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "phone")


def test_choosing_a_period_on_the_timeline_filters_the_map(page: Page, server: str) -> None:
    loaded(page)
    everything = page.locator("path.event-marker").count()
    page.locator("#timeline .day").last.click()
    expect(page).to_have_url(re.compile(r"since=.*until="))
    query = parse_qs(urlparse(page.url).query)
    within = api(server, f"/api/events.geojson?since={query['since'][0]}&until={query['until'][0]}")
    expect(page.locator("path.event-marker")).to_have_count(len(within["features"]))
    assert 0 < len(within["features"]) < everything


def test_the_list_pages_on_with_more(page: Page, server: str) -> None:
    everything = api(server, "/api/events?view=summary&limit=500")
    assert len(everything) > 5

    def small_pages(route: Any) -> None:
        # Pages of 5 instead of the dashboard's 200, so that the sample store needs paging.
        url = re.sub(r"limit=\d+", "limit=5", route.request.url)
        route.continue_(url=url)

    page.route(re.compile(r"/api/events\?"), small_pages)
    loaded(page)
    expect(page.locator(".event-item")).to_have_count(5)
    expect(page.locator("#list-title")).to_contain_text(f"first 5 of {len(everything)}")
    more = page.get_by_role("button", name="Show more events")
    more.click()
    expect(page.locator(".event-item")).to_have_count(min(10, len(everything)))
    expect(page.locator(".event-item").nth(5)).to_be_focused()
    while more.is_visible():
        more.click()
        page.wait_for_timeout(100)
    shown = page.locator(".event-item").evaluate_all("(b) => b.map((x) => x.dataset.eventId)")
    assert shown == [e["event_id"] for e in everything]
    expect(page.locator("#list-title")).to_have_text(f"Events ({len(everything)})")
