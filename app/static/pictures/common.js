// Shared by the pictures: colours for union status, shapes for plant types,
// pan and zoom with buttons, a legend drawn inside the SVG (so it is exported).
(function () {
  "use strict";

  var STATUS = {
    "union": {colour: "#1f5fa8", label: "Union (a union representation holds)"},
    "non-union": {colour: "#d95f02", label: "Non-union (no representation recorded)"},
    "unknown": {colour: "#767676", label: "Unknown (union status not checked)"}
  };
  var KIND = {
    "assembly": {symbol: d3.symbolCircle, label: "Assembly plant"},
    "parts": {symbol: d3.symbolSquare, label: "Parts plant"},
    "powertrain": {symbol: d3.symbolTriangle, label: "Engine or transmission plant"},
    "other": {symbol: d3.symbolDiamond, label: "Other"}
  };

  function symbolPath(kind, size) {
    return d3.symbol().type((KIND[kind] || KIND.other).symbol).size(size || 90)();
  }

  // Pan and zoom the group `viewport` inside `svg`; buttons with data-zoom in `figure`.
  function zoomable(svg, viewport, figure, onZoom) {
    var zoom = d3.zoom().scaleExtent([0.5, 24]).on("zoom", function (event) {
      viewport.attr("transform", event.transform);
      if (onZoom) { onZoom(event.transform.k); }
    });
    svg.call(zoom);
    figure.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.dataset.zoom;
        if (how === "reset") { svg.call(zoom.transform, d3.zoomIdentity); }
        else { svg.call(zoom.scaleBy, how === "in" ? 1.6 : 1 / 1.6); }
      });
    });
    return zoom;
  }

  // A legend: rows of [shape drawer, text]; drawn at (x, y) on a white box.
  function legend(svg, x, y, rows, title) {
    var g = svg.append("g").attr("class", "legend").attr("transform", "translate(" + x + "," + y + ")");
    var box = g.append("rect").attr("fill", "#ffffff").attr("fill-opacity", 0.92)
      .attr("stroke", "#999999").attr("rx", 4);
    var top = 0;
    if (title) {
      g.append("text").attr("x", 8).attr("y", 16).attr("font-weight", "bold")
        .attr("font-size", 12).attr("fill", "#1d1d1d").text(title);
      top = 18;
    }
    rows.forEach(function (row, i) {
      var line = g.append("g").attr("transform", "translate(16," + (top + 14 + i * 18) + ")");
      row[0](line);
      line.append("text").attr("x", 14).attr("y", 4).attr("font-size", 12)
        .attr("fill", "#1d1d1d").text(row[1]);
    });
    var size = g.node().getBBox();
    box.attr("x", -2).attr("y", -2).attr("width", size.width + 14).attr("height", size.height + 10);
    return g;
  }

  function statusRows() {
    return Object.keys(STATUS).map(function (key) {
      return [function (g) {
        g.append("circle").attr("r", 6).attr("fill", STATUS[key].colour);
      }, STATUS[key].label];
    });
  }

  function kindRows(kinds) {
    return kinds.map(function (key) {
      return [function (g) {
        g.append("path").attr("d", symbolPath(key, 80)).attr("fill", "#ffffff")
          .attr("stroke", "#1d1d1d").attr("stroke-width", 1.5);
      }, KIND[key].label];
    });
  }

  function getJson(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (response) {
      if (!response.ok) { throw new Error("could not load " + url + " (" + response.status + ")"); }
      return response.json();
    });
  }

  window.skgPictures = {
    STATUS: STATUS, KIND: KIND, symbolPath: symbolPath, zoomable: zoomable,
    legend: legend, statusRows: statusRows, kindRows: kindRows, getJson: getJson
  };
}());
