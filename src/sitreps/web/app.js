/* sitreps dashboard: plain JS, no build step, nothing loaded from outside sitreps.
   State lives in the query string (since, until, country, type, min_fatalities, event). */
"use strict";

const TYPES = {
  "Battles": "#d55e00",
  "Explosions/Remote violence": "#0072b2",
  "Violence against civilians": "#cc79a7",
  "Protests": "#009e73",
  "Riots": "#e69f00",
  "Strategic developments": "#7f7f7f",
};
const FILTERS = ["since", "until", "country", "type", "min_fatalities"];
const LIST_LIMIT = 200;
const WORDS = { fatalities: "killed", injured: "injured", hospitalized: "hospitalized", missing: "missing" };
const SVGNS = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);
const state = {
  features: [], markers: new Map(), groups: [], map: null, layer: null, event: null, opener: null,
  listQuery: null, nextCursor: null,
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return { body, response };
}

/* --- URL state ---------------------------------------------------------------------- */

function params() { return new URLSearchParams(location.search); }

function filterQuery() {
  const p = params();
  const q = new URLSearchParams();
  for (const key of FILTERS) if (p.get(key)) q.set(key, p.get(key));
  return q;
}

function setURL(changes, push = true) {
  const p = params();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") p.delete(k); else p.set(k, v);
  }
  const url = p.toString() ? `?${p}` : location.pathname;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

function formToURL() {
  const form = $("filters");
  const changes = {};
  for (const key of FILTERS) changes[key] = form.elements[key].value.trim();
  changes.event = null;
  setURL(changes);
}

function urlToForm() {
  const form = $("filters");
  const p = params();
  for (const key of FILTERS) {
    const field = form.elements[key];
    const value = p.get(key) || "";
    if (field.tagName === "SELECT" && value && ![...field.options].some((o) => o.value === value)) {
      field.append(el("option", { value }, value));
    }
    field.value = value;
  }
}

/* --- map ---------------------------------------------------------------------------- */

function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, zoomSnap: 0.5 });
  map.setView([30, 20], 2);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()).then((atlas) => {
    const land = topojson.feature(atlas, atlas.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: { color: "#8f99a3", weight: 0.7, fillColor: "#f7f5ef", fillOpacity: 1 },
    }).addTo(map).bringToBack();
  });
  state.map = map;
  state.layer = L.layerGroup().addTo(map);
  map.on("zoomend", layoutGroups);
  const legend = $("legend");
  for (const [name, colour] of Object.entries(TYPES)) {
    legend.append(el("li", {}, el("span", { class: "swatch", style: `background:${colour}` }), name));
  }
}

function radius(fatalities) { return 5 + 2.2 * Math.sqrt(fatalities || 0); }

// Events at one place (coordinates equal to about 10 m) would be drawn on top of each other:
// each such group is fanned out around its place, joined to it by a thin line, and the
// place shows how many events it has.
function placeKey(lat, lon) { return `${lat.toFixed(4)},${lon.toFixed(4)}`; }

function markerLabel(p, i, n) {
  const toll = p.fatalities !== null && p.fatalities !== undefined ? `, ${p.fatalities} killed` : "";
  const here = n > 1 ? ` (${i + 1} of ${n} events at this place)` : "";
  return `${p.location || "?"}, ${p.date || "undated"}: ${p.sub_event_type}${toll}${here}`;
}

function layoutGroups() {
  const map = state.map;
  for (const g of state.groups) {
    const centre = map.latLngToLayerPoint(g.latlng);
    const biggest = Math.max(...g.members.map((m) => m.options.radius));
    // Far enough apart that neighbours do not cover each other, within reason.
    const spread = Math.min(90, Math.max(16, (biggest + 3) / Math.sin(Math.PI / g.members.length)));
    g.members.forEach((marker, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / g.members.length;
      const at = map.layerPointToLatLng(centre.add(L.point(spread * Math.cos(angle), spread * Math.sin(angle))));
      marker.setLatLng(at);
      g.legs[i].setLatLngs([g.latlng, at]);
    });
  }
}

function keyboardMarker(marker, label, eventId) {
  const path = marker.getElement();
  if (!path) return;
  path.setAttribute("data-event-id", eventId);
  path.setAttribute("tabindex", "0");
  path.setAttribute("role", "button");
  path.setAttribute("aria-label", label);
  path.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openEvent(eventId); }
  });
  path.addEventListener("focus", () => marker.openTooltip());
  path.addEventListener("blur", () => marker.closeTooltip());
}

function drawMarkers() {
  state.layer.clearLayers();
  state.markers.clear();
  state.groups = [];
  const places = new Map();
  for (const f of state.features) {
    const [lon, lat] = f.geometry.coordinates;
    const key = placeKey(lat, lon);
    if (!places.has(key)) places.set(key, []);
    places.get(key).push(f);
  }
  // A group's members go round its place in the order of their days.
  for (const group of places.values()) {
    group.sort((a, b) => `${a.properties.date}${a.id}`.localeCompare(`${b.properties.date}${b.id}`));
  }
  // Lines first, so that they run under the circles.
  const groups = new Map();
  for (const [key, group] of places) {
    if (group.length < 2) continue;
    const [lon, lat] = group[0].geometry.coordinates;
    const latlng = L.latLng(lat, lon);
    const legs = group.map(() => L.polyline([latlng, latlng], {
      className: "event-leg", color: "#1b1f24", weight: 1, opacity: 0.7, interactive: false,
    }).addTo(state.layer));
    groups.set(key, { latlng, members: new Array(group.length), legs });
  }
  // The largest first, so that small circles stay on top and clickable.
  const features = [...state.features].sort((a, b) =>
    (b.properties.fatalities || 0) - (a.properties.fatalities || 0));
  for (const f of features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const key = placeKey(lat, lon);
    const group = places.get(key);
    const i = group.indexOf(f);
    const marker = L.circleMarker([lat, lon], {
      radius: radius(p.fatalities), className: "event-marker", color: "#1b1f24", weight: 1,
      fillColor: TYPES[p.event_type] || "#444", fillOpacity: 0.75,
    });
    const label = markerLabel(p, i, group.length);
    marker.bindTooltip(label);
    marker.on("click", () => openEvent(p.event_id));
    marker.addTo(state.layer);
    keyboardMarker(marker, label, p.event_id);
    state.markers.set(p.event_id, marker);
    if (groups.has(key)) groups.get(key).members[i] = marker;
  }
  for (const g of groups.values()) {
    const count = L.marker(g.latlng, {
      icon: L.divIcon({ className: "place-count", html: String(g.members.length), iconSize: [20, 20] }),
      interactive: false, keyboard: false,
    }).addTo(state.layer);
    const badge = count.getElement();
    if (badge) {
      badge.setAttribute("aria-hidden", "true");
      badge.title = `${g.members.length} events at this place`;
    }
    state.groups.push(g);
  }
  layoutGroups();
  if (features.length) {
    const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    state.map.fitBounds(bounds.pad(0.3), { maxZoom: 7 });
  }
}

/* --- timeline ----------------------------------------------------------------------- */

function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function bucketOf(span) {
  // Days for up to four months, weeks (from Monday) up to two years, months beyond.
  if (span <= 120) return { name: "day", start: (d) => d, end: (d) => d, next: (d) => addDays(d, 1) };
  if (span <= 730) {
    const monday = (d) => addDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));
    return { name: "week", start: monday, end: (d) => addDays(d, 6), next: (d) => addDays(d, 7) };
  }
  const first = (d) => `${d.slice(0, 7)}-01`;
  const nextMonth = (d) => { const x = new Date(`${first(d)}T00:00:00Z`); x.setUTCMonth(x.getUTCMonth() + 1); return x.toISOString().slice(0, 10); };
  return { name: "month", start: first, end: (d) => addDays(nextMonth(d), -1), next: nextMonth };
}

function drawTimeline() {
  const box = $("timeline");
  box.replaceChildren();
  const dated = state.features.filter((f) => f.properties.date).map((f) => f.properties);
  if (!dated.length) { box.append(el("p", { class: "hint" }, "No dated events to show.")); return; }
  const days = dated.map((p) => p.date).sort();
  const span = (Date.parse(days[days.length - 1]) - Date.parse(days[0])) / 86400000;
  const bucket = bucketOf(span);
  const byBucket = new Map();
  for (const p of dated) {
    const key = bucket.start(p.date);
    const entry = byBucket.get(key) || { events: 0, fatalities: 0 };
    entry.events += 1;
    entry.fatalities += p.fatalities || 0;
    byBucket.set(key, entry);
  }
  const all = [];
  for (let d = bucket.start(days[0]); d <= days[days.length - 1]; d = bucket.next(d)) all.push(d);
  $("timeline-title").textContent = `Events and fatalities per ${bucket.name}`;
  const W = 800, H = 140, pad = 22, w = (W - 2 * pad) / all.length;
  const maxF = Math.max(1, ...[...byBucket.values()].map((e) => e.fatalities));
  const maxE = Math.max(1, ...[...byBucket.values()].map((e) => e.events));
  const p = params();
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `Events and fatalities per ${bucket.name}`, preserveAspectRatio: "none" });
  all.forEach((key, i) => {
    const e = byBucket.get(key);
    if (!e) return;
    const last = bucket.end(key);
    const chosen = p.get("since") === key && p.get("until") === last;
    const h = (H - 2 * pad) * e.fatalities / maxF;
    const x = pad + i * w;
    const when = key === last ? key : `${key} to ${last}`;
    const label = `${when}: ${e.events} event${e.events > 1 ? "s" : ""}, ${e.fatalities} killed`;
    const g = svg("g", { class: "day", tabindex: "0", role: "button", "aria-label": label, "aria-pressed": String(chosen), "data-day": key });
    g.append(svg("title", {}, label));
    g.append(svg("rect", { class: "hit", x, y: 0, width: w, height: H, fill: "transparent" }));
    g.append(svg("rect", { class: "bar" + (chosen ? " selected" : ""), x: x + w * 0.1, y: H - pad - h, width: Math.max(2, w * 0.8), height: Math.max(h, 1) }));
    g.append(svg("circle", { class: "count", cx: x + w / 2, cy: H - pad - (H - 2 * pad) * e.events / maxE, r: 3 }));
    const choose = () => {
      setURL({ since: chosen ? null : key, until: chosen ? null : last, event: null });
      urlToForm();
      load();
    };
    g.addEventListener("click", choose);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(); } });
    chart.append(g);
  });
  chart.append(svg("text", { x: pad, y: H - 6 }, all[0]));
  chart.append(svg("text", { x: W - pad, y: H - 6, "text-anchor": "end" }, bucket.end(all[all.length - 1])));
  chart.append(svg("text", { x: pad, y: 12 }, `max ${maxF} killed / ${maxE} events a ${bucket.name}`));
  box.append(chart);
}

/* --- list --------------------------------------------------------------------------- */

function drawList(events, total, append = false) {
  const list = $("event-list");
  if (!append) list.replaceChildren();
  const shown = list.children.length + events.length;
  $("list-title").textContent = total > shown ? `Events (first ${shown} of ${total})` : `Events (${total})`;
  for (const e of events) {
    const f = e.fatalities;
    const where = e.location ? `${e.location.name}, ${e.location.country_code || ""}` : "place unknown";
    const button = el("button", {
      type: "button", class: "event-item", "data-event-id": e.event_id,
      onclick: () => openEvent(e.event_id),
    },
      el("span", { class: "swatch", style: `background:${TYPES[e.event_type] || "#444"}`, "aria-hidden": "true" }),
      el("span", {}, el("span", { class: "when" }, e.date.start || "undated"), " ", `${e.sub_event_type} · ${where}`),
      el("span", { class: "toll" }, f ? `${f.best} killed` : "toll unknown"));
    list.append(el("li", {}, button));
  }
  markCurrent();
}

function markCurrent() {
  for (const b of document.querySelectorAll(".event-item")) {
    if (b.dataset.eventId === state.event) b.setAttribute("aria-current", "true"); else b.removeAttribute("aria-current");
  }
}

/* --- loading ------------------------------------------------------------------------ */

async function load() {
  const q = filterQuery();
  $("status").textContent = "Loading events…";
  try {
    const listQuery = new URLSearchParams(q);
    listQuery.set("limit", LIST_LIMIT);
    listQuery.set("view", "summary");  // the list shows a line an event; the panel loads the rest
    const [geo, list] = await Promise.all([
      getJSON(`/api/events.geojson?${q}`), getJSON(`/api/events?${listQuery}`),
    ]);
    state.features = geo.body.features;
    const total = Number(list.response.headers.get("X-Total-Count") || list.body.length);
    drawMarkers();
    drawTimeline();
    drawList(list.body, total);
    state.listQuery = listQuery;
    setMore(list.response);
    const unlocated = total - state.features.length;
    $("status").textContent = `${total} event${total === 1 ? "" : "s"}` +
      (unlocated > 0 ? `, ${state.features.length} on the map (${unlocated} without coordinates)` : ", all on the map");
  } catch (error) {
    $("status").textContent = `Could not load events: ${error.message}`;
  }
  const id = params().get("event");
  if (id) openEvent(id, false); else closePanel(false);
}

// The list is paged: the API's cursor fetches the next page, appended under the first.
function setMore(response) {
  state.nextCursor = response.headers.get("X-Next-Cursor");
  $("list-more").hidden = !state.nextCursor;
}

async function loadMore() {
  if (!state.nextCursor || !state.listQuery) return;
  const more = $("list-more");
  const query = new URLSearchParams(state.listQuery);
  query.set("cursor", state.nextCursor);
  more.disabled = true;
  try {
    const page = await getJSON(`/api/events?${query}`);
    const total = Number(page.response.headers.get("X-Total-Count") || 0);
    const first = $("event-list").children.length;
    drawList(page.body, total, true);
    setMore(page.response);
    markCurrent();
    // Keyboard users go on from the first event the page added.
    const added = $("event-list").children[first];
    if (added) added.querySelector("button").focus();
  } catch (error) {
    $("status").textContent = `Could not load more events: ${error.message}`;
  } finally {
    more.disabled = false;
  }
}

async function loadOptions() {
  const type = $("f-type");
  for (const name of Object.keys(TYPES)) type.append(el("option", { value: name }, name));
  try {
    const { body } = await getJSON("/api/countries");
    const country = $("f-country");
    for (const c of body) country.append(el("option", { value: c.code }, `${c.name || c.code} (${c.events})`));
  } catch (error) { /* the filter still takes a code from the URL */ }
}

/* --- the event panel ---------------------------------------------------------------- */

function closePanel(push = true) {
  state.event = null;
  $("panel").hidden = true;
  document.querySelector(".layout").classList.remove("with-panel");
  if (push) setURL({ event: null });
  markCurrent();
  // Back to what opened the panel (a marker or a list item), if it is still there.
  const opener = state.opener;
  state.opener = null;
  if (push && opener && document.contains(opener)) opener.focus({ preventScroll: true });
  if (state.map) setTimeout(() => state.map.invalidateSize(), 0);
}

function figureButton(label, evidence) {
  if (!evidence) return label;
  return el("button", {
    type: "button", class: "figure", title: `Show where this comes from in ${evidence.article_id}`,
    "data-article": evidence.article_id, "data-start": evidence.start, "data-end": evidence.end,
    onclick: (ev) => showSource(evidence, ev.currentTarget),
  }, label);
}

function count(name, c) {
  if (!c) return null;
  const range = [c.low !== null ? `low ${c.low}` : null, c.high !== null ? `high ${c.high}` : null].filter(Boolean).join(", ");
  return el("p", { class: "toll-figures" }, `${name}: `, el("strong", {}, c.best), range ? ` (${range})` : "");
}

function tollChart(timeline) {
  const points = timeline.filter((t) => t.field === "fatalities" && t.published);
  if (points.length < 1) return null;
  const W = 360, H = 110, pad = 24;
  const dates = [...new Set(points.map((p) => p.published))].sort();
  const max = Math.max(1, ...points.map((p) => p.value));
  const xOf = (d) => dates.length === 1 ? W / 2 : pad + (W - 2 * pad) * dates.indexOf(d) / (dates.length - 1);
  const yOf = (v) => H - pad - (H - 2 * pad) * v / max;
  // The highest figure each day: how the toll rose across reports.
  const top = dates.map((d) => Math.max(...points.filter((p) => p.published === d).map((p) => p.value)));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Fatalities reported by date: ${dates.map((d, i) => `${d} ${top[i]}`).join(", ")}` });
  chart.append(svg("polyline", { class: "line", points: dates.map((d, i) => `${xOf(d)},${yOf(top[i])}`).join(" ") }));
  dates.forEach((d, i) => {
    chart.append(svg("circle", { cx: xOf(d), cy: yOf(top[i]), r: 4 }));
    chart.append(svg("text", { x: xOf(d), y: yOf(top[i]) - 7, "text-anchor": "middle" }, top[i]));
    chart.append(svg("text", { x: xOf(d), y: H - 6, "text-anchor": "middle" }, d.slice(5)));
  });
  return el("div", { class: "chart" }, chart);
}

function renderEvent(e) {
  const body = $("panel-body");
  body.replaceChildren();
  const loc = e.location;
  const ev = e.evidence || {};
  const first = (key) => (ev[key] || [])[0];
  $("panel-title").textContent = `${e.sub_event_type}${loc ? ` in ${loc.name}` : ""}`;
  const dates = e.date.start === e.date.end || !e.date.end ? (e.date.start || "undated") : `${e.date.start} – ${e.date.end}`;
  const place = loc ? [loc.name, loc.district, loc.admin1, loc.country].filter((x, i, a) => x && a.indexOf(x) === i).join(", ") : "unknown";
  body.append(el("dl", {},
    el("dt", {}, "Type"), el("dd", {}, figureButton(`${e.event_type} · ${e.sub_event_type}`, first("event_type"))),
    el("dt", {}, "Place"), el("dd", {}, figureButton(place, first("location"))),
    el("dt", {}, "Dates"), el("dd", {}, figureButton(dates, first("date")), e.date.precision !== "day" ? ` (${e.date.precision})` : ""),
    el("dt", {}, "Reports"), el("dd", {}, e.article_ids.length)));
  if (e.summary) body.append(el("p", {}, e.summary));
  body.append(el("h3", {}, "Toll"));
  const counts = [count("Killed", e.fatalities), count("Injured", e.injured), count("Hospitalized", e.hospitalized), count("Missing", e.missing)].filter(Boolean);
  body.append(...(counts.length ? counts : [el("p", {}, "No figure reported.")]));
  const chart = tollChart(e.timeline || []);
  if (chart) body.append(el("h3", {}, "How the toll rose across reports"), chart);
  if ((e.timeline || []).length) {
    body.append(el("h3", {}, "Every figure, with its source"));
    body.append(el("ul", { class: "figures" }, e.timeline.map((t) => el("li", {},
      figureButton(`${t.value} ${WORDS[t.field] || t.field}`, t.evidence),
      ` (${t.qualifier.replace("_", " ")}) · ${t.published || "undated"} · ${t.article_id}`,
      t.source ? ` · ${t.source}` : ""))));
  }
  if (e.actors.length) {
    body.append(el("h3", {}, "Actors"));
    body.append(el("ul", {}, e.actors.map((a) => el("li", {}, `${a.name} (${a.role})`))));
  }
  if (e.weapons.length) {
    body.append(el("h3", {}, "Weapons"));
    body.append(el("ul", {}, e.weapons.map((w) => el("li", {}, figureButton(
      [w.count, w.model, w.kind].filter((x) => x !== null && x !== undefined).join(" ") + (w.status ? ` (${w.status})` : ""), w.evidence)))));
  }
  if (e.quotes.length) {
    body.append(el("h3", {}, "Quotes"));
    for (const q of e.quotes) {
      body.append(el("blockquote", {}, figureButton(`“${q.text}”`, q.evidence),
        el("footer", {}, `— ${q.speaker || "unnamed"}${q.speaker_role ? `, ${q.speaker_role}` : ""}`)));
    }
  }
}

async function openEvent(id, push = true) {
  if (push) {
    setURL({ event: id });
    const active = document.activeElement;
    if (active && active !== document.body && !$("panel").contains(active)) state.opener = active;
  }
  state.event = id;
  markCurrent();
  const panel = $("panel");
  panel.hidden = false;
  document.querySelector(".layout").classList.add("with-panel");
  $("source").hidden = true;
  $("panel-title").textContent = "Loading…";
  $("panel-body").replaceChildren();
  try {
    const { body } = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    if (state.event !== id) return;
    renderEvent(body);
  } catch (error) {
    $("panel-title").textContent = "Event not found";
    $("panel-body").replaceChildren(el("p", {}, error.message));
  }
  $("panel-title").focus({ preventScroll: !push });
  setTimeout(() => state.map.invalidateSize(), 0);
}

async function showSource(evidence, button) {
  for (const b of document.querySelectorAll(".figure.active")) b.classList.remove("active");
  button.classList.add("active");
  const box = $("source-text");
  $("source").hidden = false;
  try {
    const { body } = await getJSON(`/api/articles/${encodeURIComponent(evidence.article_id)}`);
    const text = body.text;
    $("source-meta").textContent = [body.title, body.published, body.source || body.id].filter(Boolean).join(" · ");
    const mark = el("mark", { class: "evidence" }, text.slice(evidence.start, evidence.end));
    box.replaceChildren(text.slice(0, evidence.start), mark, text.slice(evidence.end));
    box.setAttribute("aria-label", `Report ${body.id}; the highlighted words are: ${mark.textContent}`);
    mark.scrollIntoView({ block: "center", behavior: "auto" });
    $("source-title").focus({ preventScroll: true });
  } catch (error) {
    box.replaceChildren(`Could not load report ${evidence.article_id}: ${error.message}`);
  }
}

/* --- start -------------------------------------------------------------------------- */

async function start() {
  initMap();
  await loadOptions();
  urlToForm();
  $("filters").addEventListener("submit", (ev) => { ev.preventDefault(); formToURL(); load(); });
  for (const key of ["country", "type"]) {
    $("filters").elements[key].addEventListener("change", () => { formToURL(); load(); });
  }
  $("f-reset").addEventListener("click", () => { $("filters").reset(); formToURL(); load(); });
  $("panel-close").addEventListener("click", () => closePanel());
  $("list-more").addEventListener("click", loadMore);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state.event) closePanel(); });
  window.addEventListener("popstate", () => { urlToForm(); load(); });
  await load();
}

start();
