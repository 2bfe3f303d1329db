// The map of plants: Natural Earth outlines, plants coloured by union status
// and shaped by type, filters kept in the address, a table of what is shown.
(function () {
  "use strict";
  var P = window.skgPictures;
  var WIDTH = 960, HEIGHT = 620;
  var FILTERS = ["country", "employer", "status", "kind"];

  function distanceKm(a, b) {
    var rad = Math.PI / 180, dLat = (b.lat - a.lat) * rad, dLon = (b.long - a.long) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  // For each plant, the nearest open assembly plant with a union today.
  function addNearest(plants) {
    var targets = plants.filter(function (p) {
      return p.kind === "assembly" && p.status === "union" && !p.closed;
    });
    plants.forEach(function (plant) {
      var best = null;
      targets.forEach(function (t) {
        if (t === plant) { return; }
        var d = distanceKm(plant, t);
        if (!best || d < best.km) { best = {plant: t, km: d}; }
      });
      plant.nearest = best;
    });
  }

  function employers(plant) { return (plant.employer || "").split("; ").filter(Boolean); }

  function fillOptions(form, plants) {
    var sets = {country: new Set(), employer: new Set()};
    plants.forEach(function (p) {
      if (p.country) { sets.country.add(p.country); }
      employers(p).forEach(function (e) { sets.employer.add(e); });
    });
    Object.keys(sets).forEach(function (name) {
      var select = form.elements[name], chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      Array.from(sets[name]).sort().forEach(function (value) {
        select.append(new Option(value, value));
      });
      select.value = chosen;
    });
  }

  function readFilters(form) {
    var wanted = {};
    FILTERS.concat(["as_of"]).forEach(function (name) { wanted[name] = form.elements[name].value; });
    wanted.closed = form.elements.closed.checked;
    return wanted;
  }

  function matches(plant, wanted) {
    return (!wanted.country || plant.country === wanted.country) &&
      (!wanted.employer || employers(plant).indexOf(wanted.employer) >= 0) &&
      (!wanted.status || plant.status === wanted.status) &&
      (!wanted.kind || plant.kind === wanted.kind) &&
      (wanted.closed || !plant.closed);
  }

  function describe(plant) {
    var parts = [plant.label, P.KIND[plant.kind].label, P.STATUS[plant.status].label.split(" (")[0]];
    if (plant.employer) { parts.push("employer " + plant.employer); }
    if (plant.unions.length) { parts.push("represented by " + plant.unions.join(", ")); }
    if (plant.closed) { parts.push("closed"); }
    return parts.join("; ");
  }

  function drawBase(viewport, path, basemap) {
    var land = viewport.append("g").attr("class", "land");
    basemap.features.forEach(function (feature) {
      var lines = feature.geometry.type === "MultiLineString";
      land.append("path").attr("d", path(feature))
        .attr("fill", lines ? "none" : (feature.properties.name.match(/^(Canada|Mexico|United States of America)$/) ? "#f3efe6" : "#e6e6e6"))
        .attr("stroke", lines ? "#b9b2a3" : "#8a8373")
        .attr("stroke-width", lines ? 0.5 : 0.8)
        .attr("vector-effect", "non-scaling-stroke");
    });
  }

  function drawPlants(viewport, projection, plants, info) {
    var layer = viewport.append("g").attr("class", "plants");
    plants.forEach(function (plant) {
      var xy = projection([plant.long, plant.lat]);
      var link = layer.append("a").attr("href", plant.url).attr("class", "plant")
        .attr("aria-label", describe(plant)).attr("data-iri", plant.iri)
        .attr("data-status", plant.status).attr("data-kind", plant.kind);
      link.append("title").text(describe(plant));
      plant.node = link.append("path").attr("d", P.symbolPath(plant.kind, 70))
        .attr("fill", plant.closed ? "#ffffff" : P.STATUS[plant.status].colour)
        .attr("stroke", plant.closed ? P.STATUS[plant.status].colour : "#ffffff")
        .attr("stroke-width", 1.2).attr("data-x", xy[0]).attr("data-y", xy[1])
        .attr("transform", "translate(" + xy[0] + "," + xy[1] + ")");
      plant.link = link;
      link.on("focus mouseenter", function () { showInfo(info, plant); });
    });
  }

  function showInfo(info, plant) {
    var near = plant.nearest ? "Nearest union assembly plant: " + plant.nearest.plant.label +
      " (" + Math.round(plant.nearest.km) + " km)." : "";
    info.textContent = describe(plant) + ". " + near;
  }

  function rescale(plants, k) {
    plants.forEach(function (plant) {
      var n = plant.node;
      n.attr("transform", "translate(" + n.attr("data-x") + "," + n.attr("data-y") + ") scale(" + (1 / Math.sqrt(k)) + ")");
    });
  }

  function row(plant) {
    var tr = document.createElement("tr");
    var cells = [null, P.KIND[plant.kind].label, plant.country || "", plant.employer || "",
      P.STATUS[plant.status].label.split(" (")[0] + (plant.unions.length ? ": " + plant.unions.join(", ") : ""),
      plant.nearest ? plant.nearest.plant.label + " (" + Math.round(plant.nearest.km) + " km)" : "", null];
    cells.forEach(function (value, i) {
      var td = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) {
        td.scope = "row";
        var a = document.createElement("a");
        a.href = plant.url; a.textContent = plant.label + (plant.closed ? " (closed)" : "");
        td.append(a);
      } else if (i === cells.length - 1) {
        var n = document.createElement("a");
        n.href = "/network/plant?iri=" + encodeURIComponent(plant.iri);
        n.textContent = "Supply network";
        n.setAttribute("aria-label", "Supply network of " + plant.label);
        td.append(n);
      } else { td.textContent = value; }
      if (i === 4) { td.className = "status-" + plant.status; }
      tr.append(td);
    });
    return tr;
  }

  function apply(form, plants, parts) {
    var wanted = readFilters(form);
    var shown = plants.filter(function (p) { return matches(p, wanted); });
    plants.forEach(function (p) { p.link.attr("display", matches(p, wanted) ? null : "none"); });
    parts.tbody.replaceChildren.apply(parts.tbody, shown.map(row));
    parts.count.textContent = shown.length + " of " + plants.length + " plants shown: " +
      Object.keys(P.STATUS).map(function (status) {
        return shown.filter(function (p) { return p.status === status; }).length + " " + status;
      }).join(", ") + ".";
    var query = new URLSearchParams();
    FILTERS.concat(["as_of"]).forEach(function (name) { if (wanted[name]) { query.set(name, wanted[name]); } });
    if (wanted.closed) { query.set("closed", "1"); }
    history.replaceState(null, "", location.pathname + (query.toString() ? "?" + query : ""));
  }

  function restore(form) {
    var query = new URLSearchParams(location.search);
    FILTERS.concat(["as_of"]).forEach(function (name) {
      if (query.get(name)) { form.elements[name].value = query.get(name); }
    });
    form.elements.closed.checked = query.get("closed") === "1";
  }

  // Load the plants with their union status on the chosen date (today when none) and draw them.
  function load(map) {
    var asOf = map.form.elements.as_of.value;
    return P.getJson(map.figure.dataset.src + (asOf ? "?as_of=" + encodeURIComponent(asOf) : ""))
      .then(function (json) {
        map.viewport.selectAll("g.plants").remove();
        map.svg.selectAll("g.legend").remove();
        map.plants = json.plants;
        addNearest(map.plants);
        drawPlants(map.viewport, map.projection, map.plants, document.getElementById("map-info"));
        rescale(map.plants, map.k);
        P.legend(map.svg, WIDTH - 290, HEIGHT - 165, P.statusRows().concat(P.kindRows(["assembly", "parts", "powertrain"])),
          "Plants, union status " + (asOf ? "on " + json.as_of : "today"));
        fillOptions(map.form, map.plants);
        apply(map.form, map.plants, map.parts);
      });
  }

  function start(figure) {
    var map = {figure: figure, form: document.getElementById("map-filters"), k: 1,
      parts: {tbody: document.querySelector("#plant-table tbody"), count: document.getElementById("map-count")}};
    Promise.all([P.getJson(figure.dataset.basemap), P.getJson(figure.dataset.src)]).then(function (got) {
      map.svg = d3.select(figure).select("svg").attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
      map.projection = d3.geoConicConformal().parallels([20, 50]).rotate([96, 0])
        .fitExtent([[20, 20], [WIDTH - 20, HEIGHT - 20]], {type: "MultiPoint",
          coordinates: got[1].plants.map(function (p) { return [p.long, p.lat]; }).concat([[-125, 50], [-66, 16]])});
      map.viewport = map.svg.append("g").attr("class", "viewport");
      drawBase(map.viewport, d3.geoPath(map.projection), got[0]);
      P.zoomable(map.svg, map.viewport, figure, function (k) { map.k = k; rescale(map.plants, k); });
      fillOptions(map.form, got[1].plants);
      restore(map.form);
      map.form.addEventListener("change", function (event) {
        if (event.target.name === "as_of") { figure.dataset.ready = "false"; load(map).then(function () { figure.dataset.ready = "true"; }); }
        else { apply(map.form, map.plants, map.parts); }
      });
      map.form.addEventListener("reset", function () {
        setTimeout(function () { load(map); }, 0);
      });
      load(map).then(function () { figure.dataset.ready = "true"; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.getElementById("map-figure");
    if (figure) { start(figure); }
  });
}());
