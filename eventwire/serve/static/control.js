/* eventwire map page: the territorial-control layer (who holds what on the slider's date, from /control). */
(function () {
  "use strict";
  const ew = window.eventwire;
  if (!ew || !ew.map) return;
  const $ = (id) => document.getElementById(id);
  const toggle = $("control-toggle");
  const slider = $("control-slider");
  const label = $("control-date");
  const legend = $("control-legend");
  const SIDE_COLOURS = { RUS: "#c0392b", UKR: "#1f6fc5" };
  const layer = L.layerGroup([], { attribution: "control derived from capture and withdrawal reports" });
  let dates = [];
  let loading = 0;

  function colour(side) {
    return SIDE_COLOURS[side] || "#7f7f7f";
  }

  function text(tag, content, cls) {
    const node = document.createElement(tag);
    node.textContent = content;
    if (cls) node.className = cls;
    return node;
  }

  function popup(p) {
    const box = document.createElement("div");
    box.className = "ew-control-popup";
    box.append(text("strong", `${p.place} (${p.level})`));
    box.append(text("div", `${p.side_name} since ${p.since} (${p.date_precision}), ${p.status}, confidence ${p.confidence}`));
    if (p.contested) {
      box.append(text("div", "contested: " + p.alternatives.map((a) => `${a.side} ${a.since} (${a.status})`).join(", "), "contested"));
    }
    for (const b of p.basis) box.append(text("div", b, "basis"));
    const list = document.createElement("ul");
    for (const e of p.evidence) list.append(text("li", `${e.voice}: ${e.sentence} — ${e.source || e.doc_id}`));
    box.append(list);
    if (p.num_evidence > p.evidence.length) box.append(text("div", `${p.num_evidence - p.evidence.length} more: /control/${p.place_key}`));
    return box;
  }

  function draw(fc) {
    layer.clearLayers();
    for (const f of fc.features) {
      if (!f.geometry) continue;
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const m = L.circleMarker([lat, lon], {
        radius: p.level === "admin1" ? 16 : 9,
        color: colour(p.side),
        fillColor: colour(p.side),
        fillOpacity: p.level === "admin1" ? 0.15 : 0.55,
        weight: 2,
        dashArray: p.contested || p.status === "claimed" ? "4 3" : null,
        className: "ew-control",
      });
      m.bindPopup(() => popup(p), { maxWidth: 420 });
      m.bindTooltip(`${p.place}: ${p.side} since ${p.since}`);
      layer.addLayer(m);
    }
    $("map").dataset.control = String(layer.getLayers().length);
  }

  async function fetchControl(at) {
    const url = at ? `/control?at=${encodeURIComponent(at)}` : "/control";
    const res = await fetch(url, { headers: { Accept: "application/geo+json" } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json();
  }

  async function refresh() {
    const at = dates.length ? dates[Number(slider.value)] : null;
    label.textContent = at || "no control changes";
    const mine = ++loading;
    const fc = await fetchControl(at);
    if (mine === loading) draw(fc);
  }

  async function start() {
    const fc = await fetchControl(null);
    dates = fc.dates || [];
    slider.max = String(Math.max(0, dates.length - 1));
    slider.value = slider.max;
    slider.disabled = dates.length === 0;
    label.textContent = dates.length ? dates[dates.length - 1] : "no control changes";
    legend.replaceChildren(
      ...Object.entries(SIDE_COLOURS).map(([side, c]) => {
        const s = text("span", side);
        s.style.borderLeft = `10px solid ${c}`;
        s.style.paddingLeft = "3px";
        s.style.marginRight = "8px";
        return s;
      }),
      text("span", "other", "other"),
    );
    draw(fc);
    if (toggle.checked) layer.addTo(ew.map);
    document.getElementById("control-panel").dataset.ready = "true";
  }

  toggle.addEventListener("change", () => (toggle.checked ? layer.addTo(ew.map) : layer.remove()));
  slider.addEventListener("input", () => refresh().catch((e) => (label.textContent = String(e))));
  ew.control = { layer, refresh, dates: () => dates };
  start().catch((e) => (label.textContent = String(e)));
})();
