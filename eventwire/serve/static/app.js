// eventwire map page: countries basemap (world-atlas) with approximate province lines, events (clustered), a
// timeline whose brush sets the dates, a filter panel, and the record of a clicked event with its evidence. Talks to
// the API of this origin.
/* global L, d3, topojson */
(function () {
  "use strict";

  const COLORS = {
    ASSAULT: "#d62728", COERCE: "#ff7f0e", THREATEN: "#e377c2", PROTEST: "#9467bd", SANCTION: "#8c564b",
    MOBILIZE: "#bcbd22", RETREAT: "#17becf", AID: "#2ca02c", SUPPORT: "#1f77b4", AGREE: "#98df8a",
    COOPERATE: "#aec7e8", CONSULT: "#7f7f7f", REQUEST: "#c5b0d5", ACCUSE: "#ff9896", REJECT: "#c49c94",
    CONCEDE: "#dbdb8d",
  };
  const color = (type) => (Object.hasOwn(COLORS, type) ? COLORS[type] : "#555");
  const DAY = 86400000;
  const iso = (d) => d.toISOString().slice(0, 10);

  const state = { since: null, until: null, shown: 0, total: 0, located: 0 };
  const form = document.getElementById("filter-form");
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "style") node.style.cssText = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  // -- API ----------------------------------------------------------------------------------------------------------

  function filterParams(withDates) {
    const p = new URLSearchParams();
    const data = new FormData(form);
    const types = data.getAll("event_type");
    if (types.length) p.set("event_type", types.join(","));
    for (const name of ["acled", "country", "actor", "q"]) {
      const v = (data.get(name) || "").trim();
      if (v) p.set(name, v);
    }
    const ms = parseInt(data.get("min_sources"), 10);
    if (ms > 1) p.set("min_sources", String(ms));
    if (withDates && state.since) p.set("since", state.since);
    if (withDates && state.until) p.set("until", state.until);
    return p;
  }

  async function api(path, params) {
    const url = params && [...params].length ? `${path}?${params}` : path;
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) {
      const d = body.detail;
      throw new Error(Array.isArray(d) ? d.map((x) => x.msg).join("; ") : String(d));
    }
    return body;
  }

  // -- map ----------------------------------------------------------------------------------------------------------

  const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 13, preferCanvas: false });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Boundaries: Natural Earth (world-atlas)");
  map.setView([30, 20], 2);

  const cluster = L.markerClusterGroup({
    maxClusterRadius: 28,
    animate: false, // animated merges can leave invisible, clickable icons behind when the layer is refilled
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction(c) {
      const n = c.getChildCount();
      const size = Math.min(54, 22 + 6 * Math.log2(n));
      return L.divIcon({ html: `<span>${n}</span>`, className: "ew-cluster", iconSize: [size, size] });
    },
  });
  map.addLayer(cluster);

  async function loadBasemap() {
    const res = await fetch("/vendor/world-atlas/countries-50m.json");
    const world = await res.json();
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: { color: "#8a9199", weight: 0.7, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(map);
    const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
    L.geoJSON(borders, { interactive: false, style: { color: "#7d858d", weight: 0.8 } }).addTo(map);
  }

  // Province (admin1) outlines: approximate lines the server derives from GeoNames settlements, one request per
  // country the store's events are in, drawn thin and dashed in a pane between the basemap and the events.
  map.createPane("admin1").style.zIndex = 450; // overlayPane (basemap) is 400, markerPane 600
  const admin1 = L.layerGroup([], { attribution: "province lines approximate, from GeoNames settlements" });
  const admin1Style = { pane: "admin1", interactive: false, color: "#7b8794", weight: 1, opacity: 0.8, dashArray: "4 3" };

  async function loadAdmin1(countries) {
    const codes = countries.filter((c) => /^[A-Z]{3}$/.test(c || "")).slice(0, 30);
    const fetchOne = (c) => api(`/admin1/${c}.geojson`).catch((err) => console.warn(`no province lines for ${c}: ${err.message}`));
    const features = await Promise.all(codes.map(fetchOne));
    for (const f of features) {
      for (const line of f ? f.geometry.coordinates : []) {
        admin1.addLayer(L.polyline(line.map(([lon, lat]) => [lat, lon]), admin1Style));
      }
    }
    $("map").dataset.admin1Lines = String(admin1.getLayers().length);
  }

  const admin1Toggle = $("admin1-toggle");
  const showAdmin1 = () => (admin1Toggle.checked ? admin1.addTo(map) : admin1.remove());
  admin1Toggle.addEventListener("change", showAdmin1);
  showAdmin1();

  function markerFor(f) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const size = Math.round(Math.min(40, 10 + 5 * Math.sqrt(Math.max(0, (p.num_sources || 1) - 1))));
    const icon = L.divIcon({
      className: "ew-marker",
      html: `<span style="background:${color(p.event_type)}"></span>`,
      iconSize: [size, size],
    });
    const place = p.place || "";
    const m = L.marker([lat, lon], {
      icon,
      title: `${p.event_type || "event"} · ${p.date || "undated"} · ${place} · ${p.num_sources || 0} source(s)`,
      keyboard: true,
      riseOnHover: true,
    });
    m.eventId = p.event_id;
    m.on("click", () => openEvent(p.event_id));
    m.on("add", () => m.getElement() && m.getElement().setAttribute("data-event-id", p.event_id));
    return m;
  }

  let fitted = false;
  async function loadMap() {
    const params = filterParams(true);
    params.set("limit", "5000");
    const fc = await api("/events.geojson", params);
    cluster.clearLayers();
    cluster.addLayers(fc.features.map(markerFor));
    state.shown = fc.features.length;
    state.located = fc.total;
    $("map").dataset.shown = String(state.shown);
    if (!fitted && fc.features.length) {
      map.fitBounds(cluster.getBounds(), { maxZoom: 7, padding: [40, 40], animate: false });
      fitted = true;
    }
    return fc;
  }

  // -- list and status ----------------------------------------------------------------------------------------------

  async function loadList() {
    const params = filterParams(true);
    params.set("limit", "100");
    params.set("sort", "-date");
    const page = await api("/events", params);
    state.total = page.total;
    const list = $("list");
    list.replaceChildren();
    for (const e of page.events) {
      const where = e.location ? e.location.name || e.location.text : "no place";
      const who = e.actor1 ? e.actor1.name || e.actor1.text : null;
      const item = el(
        "li",
        { "data-event-id": e.event_id, tabindex: "0" },
        el("span", { class: "swatch", style: `background:${color(e.event_type)}` }),
        el("b", {}, e.event_type || "?"),
        ` ${e.date || "undated"} · ${where}`,
        who ? el("small", {}, ` — ${who}`) : null,
      );
      item.addEventListener("click", () => openEvent(e.event_id));
      item.addEventListener("keydown", (ev) => ev.key === "Enter" && openEvent(e.event_id));
      list.append(item);
    }
    return page;
  }

  function showStatus() {
    const unlocated = state.total - state.located;
    let text = `${state.total} event(s) match; ${state.shown} on the map`;
    if (unlocated > 0) text += ` (${unlocated} without a place)`;
    if (state.shown < state.located) text += ` — the ${state.shown} best sourced of ${state.located}`;
    $("status").textContent = text;
    $("status").classList.remove("error");
  }

  function showError(err) {
    $("status").textContent = `Error: ${err.message}`;
    $("status").classList.add("error");
  }

  // -- timeline -----------------------------------------------------------------------------------------------------

  const timeline = { x: null, brush: null, svg: null, days: [] };

  function drawTimeline(days) {
    timeline.days = days;
    const box = $("timeline");
    box.replaceChildren();
    const width = box.clientWidth || 600;
    const height = box.clientHeight || 110;
    const m = { top: 8, right: 16, bottom: 22, left: 36 };
    const w = width - m.left - m.right;
    const h = height - m.top - m.bottom;
    const svg = d3.select(box).append("svg").attr("width", width).attr("height", height);
    const g = svg.append("g").attr("transform", `translate(${m.left},${m.top})`);
    if (!days.length) {
      g.append("text").attr("x", w / 2).attr("y", h / 2).attr("text-anchor", "middle").text("no dated events");
      return;
    }
    const data = days.map((d) => ({ day: new Date(d.key + "T00:00:00Z"), count: d.count }));
    const first = data[0].day;
    const last = data[data.length - 1].day;
    const x = d3.scaleUtc().domain([new Date(+first - DAY), new Date(+last + 2 * DAY)]).range([0, w]);
    const y = d3.scaleLinear().domain([0, d3.max(data, (d) => d.count)]).nice().range([h, 0]);
    g.append("g").attr("class", "axis").attr("transform", `translate(0,${h})`).call(d3.axisBottom(x).ticks(Math.max(2, w / 90)));
    g.append("g").attr("class", "axis").call(d3.axisLeft(y).ticks(3).tickFormat(d3.format("~s")));
    g.append("g")
      .selectAll("rect")
      .data(data)
      .join("rect")
      .attr("class", "bar")
      .attr("x", (d) => x(d.day))
      .attr("width", (d) => Math.max(1.5, x(new Date(+d.day + DAY)) - x(d.day) - 0.5))
      .attr("y", (d) => y(d.count))
      .attr("height", (d) => h - y(d.count))
      .append("title")
      .text((d) => `${iso(d.day)}: ${d.count}`);
    const brush = d3.brushX().extent([[0, 0], [w, h]]).on("end", brushed);
    const gb = g.append("g").attr("class", "brush").call(brush);
    timeline.x = x;
    timeline.brush = brush;
    timeline.gb = gb;
    if (state.since || state.until) {
      const a = state.since ? new Date(state.since + "T00:00:00Z") : x.domain()[0];
      const b = state.until ? new Date(+new Date(state.until + "T00:00:00Z") + DAY) : x.domain()[1];
      gb.call(brush.move, [x(a), x(b)]);
    }
  }

  function brushed(event) {
    if (!event.sourceEvent) return; // moved by code
    if (!event.selection) {
      setDates(null, null);
    } else {
      const [a, b] = event.selection.map(timeline.x.invert);
      const since = d3.utcDay.floor(a);
      const until = new Date(+d3.utcDay.ceil(b) - DAY);
      setDates(iso(since), iso(until < since ? since : until));
    }
    refreshEvents();
  }

  function setDates(since, until) {
    state.since = since;
    state.until = until;
    $("range").textContent = since ? `${since} – ${until}` : "all";
    $("clear-dates").hidden = !since;
  }

  async function loadTimeline() {
    const stats = await api("/stats", filterParams(false));
    drawTimeline(stats.by_day);
    return stats;
  }

  // -- event record ---------------------------------------------------------------------------------------------

  function actorText(a) {
    if (!a) return null;
    const name = a.name || a.text;
    const tags = [a.country, a.sector].filter(Boolean).join("/");
    return tags ? `${name} [${tags}]` : name;
  }

  function markedSentence(sentence, spans) {
    const q = el("q", { class: "evidence" });
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue;
      q.append(sentence.slice(at, s.start));
      q.append(el("mark", { class: `hl-${s.kind}`, title: s.kind }, sentence.slice(s.start, s.end)));
      at = s.end;
    }
    q.append(sentence.slice(at));
    return q;
  }

  async function openEvent(id) {
    let rec;
    try {
      rec = await api(`/events/${encodeURIComponent(id)}`);
    } catch (err) {
      showError(err);
      return;
    }
    const loc = rec.location;
    const rows = [
      ["Type", [rec.event_type, rec.mode, rec.context].filter(Boolean).join(" / ")],
      ["CAMEO", rec.cameo],
      ["ACLED", rec.acled ? [rec.acled.event_type, rec.acled.sub_event_type].filter(Boolean).join(" — ") : null],
      ["Date", rec.date ? `${rec.date} (${rec.date_precision || "?"})${rec.date_text ? ` “${rec.date_text}”` : ""}` : "unknown"],
      ["Actor 1", actorText(rec.actor1)],
      ["Actor 2", actorText(rec.actor2)],
      ["Place", loc ? [loc.name || loc.text, loc.admin1, loc.country].filter(Boolean).join(", ") + (loc.precision ? ` (${loc.precision})` : "") : null],
      ["Status", rec.status],
      ["Fatalities", rec.fatalities],
      ["Sources", `${rec.num_sources} source(s), ${rec.num_mentions} mention(s): ${rec.sources.join(", ")}`],
      ["Confidence", rec.confidence],
    ];
    const dl = el("dl");
    for (const [k, v] of rows) if (v !== null && v !== undefined && v !== "") dl.append(el("dt", {}, k), el("dd", {}, String(v)));
    const ev = el("ol", { class: "mentions" });
    for (const m of rec.mentions) {
      const cite = [m.source || m.doc_id, m.published, m.title].filter(Boolean).join(" · ");
      ev.append(el("li", {}, markedSentence(m.sentence || "", m.highlights || []), el("cite", {}, cite)));
    }
    const legend = el(
      "p", { class: "legend" },
      el("mark", { class: "hl-trigger" }, "trigger"), " ",
      el("mark", { class: "hl-actor1" }, "actor 1"), " ",
      el("mark", { class: "hl-actor2" }, "actor 2"), " ",
      el("mark", { class: "hl-place" }, "place"), " ",
      el("mark", { class: "hl-date" }, "date"),
    );
    $("detail-body").replaceChildren(
      el("h2", {}, el("span", { class: "swatch", style: `background:${color(rec.event_type)}` }), rec.event_type || "event"),
      el("p", { class: "id" }, `id ${rec.event_id}`),
      dl,
      el("h3", {}, "Evidence"),
      legend,
      ev,
    );
    const wasHidden = $("detail").hidden;
    $("detail").hidden = false;
    $("detail").dataset.eventId = rec.event_id;
    if (wasHidden) relayout();
  }

  // The map and timeline changed size (the record panel opened or closed, the window was resized).
  function relayout() {
    map.invalidateSize();
    drawTimeline(timeline.days);
  }

  // -- filter panel ---------------------------------------------------------------------------------------------

  function fillFilters(stats) {
    const types = $("types");
    for (const t of stats.by_type) {
      if (!t.key) continue;
      types.append(
        el("label", { class: "type" },
          el("input", { type: "checkbox", name: "event_type", value: t.key }),
          el("span", { class: "swatch", style: `background:${color(t.key)}` }),
          `${t.key} (${t.count})`),
      );
    }
    for (const a of ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"]) {
      $("acled").append(el("option", { value: a }, a));
    }
    for (const c of stats.by_country) {
      if (c.key) $("country").append(el("option", { value: c.key }, `${c.key} (${c.count})`));
    }
  }

  async function refreshEvents() {
    try {
      await Promise.all([loadMap(), loadList()]);
      showStatus();
    } catch (err) {
      showError(err);
    }
  }

  async function refreshAll() {
    try {
      await loadTimeline();
    } catch (err) {
      showError(err);
      return;
    }
    await refreshEvents();
  }

  let pending = null;
  function refreshSoon() {
    clearTimeout(pending);
    pending = setTimeout(refreshAll, 300);
  }

  form.addEventListener("change", refreshSoon);
  form.addEventListener("input", (e) => e.target.type === "search" && refreshSoon());
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => {
    setDates(null, null);
    setTimeout(refreshAll, 0);
  });
  $("clear-dates").addEventListener("click", () => {
    setDates(null, null);
    if (timeline.gb) timeline.gb.call(timeline.brush.move, null);
    refreshEvents();
  });
  $("close-detail").addEventListener("click", () => {
    $("detail").hidden = true;
    relayout();
  });
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(relayout, 200);
  });

  async function start() {
    try {
      const [stats] = await Promise.all([api("/stats"), loadBasemap()]);
      $("summary").textContent =
        `${stats.total} events, ${stats.located} located` +
        (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
      fillFilters(stats);
      await Promise.all([refreshAll(), loadAdmin1(stats.by_country.map((c) => c.key))]);
      document.body.dataset.ready = "true";
    } catch (err) {
      showError(err);
    }
  }

  window.eventwire = { state, map, cluster, admin1, openEvent, setDates, refreshEvents };
  start();
})();
