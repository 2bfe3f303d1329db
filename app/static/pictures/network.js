// A network picture: force layout computed once (readable at a few hundred nodes),
// pan and zoom, every node a link to its page, ties shown on hover or focus,
// demonstration links dashed, and (ownership) the network as it stood in a year.
(function () {
  "use strict";
  var P = window.skgPictures;
  var WIDTH = 1000, HEIGHT = 700;
  var KINDS = {
    organization: {colour: "#5b4a8b", symbol: d3.symbolCircle, label: "Organization"},
    alliance: {colour: "#7a1f1f", symbol: d3.symbolStar, label: "Alliance"},
    union: {colour: "#2c7f6f", symbol: d3.symbolCircle, label: "Union (member)"},
    employer: {colour: "#8c2d04", symbol: d3.symbolSquare, label: "Employer faced"},
    meeting: {colour: "#c79100", symbol: d3.symbolDiamond, label: "Meeting"},
    delegation: {colour: "#8a6d00", symbol: d3.symbolDiamond, label: "Delegation"}
  };

  function isPlant(node) { return P.KIND[node.kind] !== undefined && !KINDS[node.kind]; }

  function colour(node) {
    if (isPlant(node)) { return node.status ? P.STATUS[node.status].colour : "#4d4d4d"; }
    return (KINDS[node.kind] || KINDS.organization).colour;
  }

  function shape(node, size) {
    if (isPlant(node)) { return P.symbolPath(node.kind, size); }
    return d3.symbol().type((KINDS[node.kind] || KINDS.organization).symbol).size(size)();
  }

  function layout(data) {
    var simulation = d3.forceSimulation(data.nodes)
      .force("link", d3.forceLink(data.links).id(function (d) { return d.id; }).distance(function (l) { return l.relation === "took part" ? 60 : 110; }))
      .force("charge", d3.forceManyBody().strength(data.nodes.length > 150 ? -120 : -520))
      .force("collide", d3.forceCollide(22))
      .force("x", d3.forceX(0).strength(0.04)).force("y", d3.forceY(0).strength(0.06))
      .stop();
    data.nodes.forEach(function (n) { if (n.focus) { n.fx = 0; n.fy = 0; } });
    for (var i = 0; i < 320; i += 1) { simulation.tick(); }
  }

  // A prefix of the label cut at a word (so the visible text stays part of the link's name).
  function shortLabel(label) {
    if (label.length <= 36) { return label; }
    var cut = label.slice(0, 36);
    return cut.slice(0, Math.max(cut.lastIndexOf(" "), 20));
  }

  function describe(node) {
    var what = isPlant(node) ? P.KIND[node.kind].label + (node.status ? ", " + node.status : "")
      : (KINDS[node.kind] || KINDS.organization).label;
    return node.label + " (" + what + (node.date ? ", " + node.date : "") + ")";
  }

  function ties(node, links) {
    return links.filter(function (l) { return l.source === node || l.target === node; })
      .map(function (l) {
        var other = l.source === node ? l.target : l.source;
        var arrow = l.source === node ? l.relation + " → " : "← " + l.relation + " ";
        return arrow + other.label + (l.demonstration ? " [demonstration]" : "");
      });
  }

  function drawLinks(layer, links) {
    return layer.selectAll("line").data(links).join("line")
      .attr("x1", function (l) { return l.source.x; }).attr("y1", function (l) { return l.source.y; })
      .attr("x2", function (l) { return l.target.x; }).attr("y2", function (l) { return l.target.y; })
      .attr("stroke", function (l) { return l.demonstration ? "#b8860b" : "#8a8a8a"; })
      .attr("stroke-width", 1.4)
      .attr("stroke-dasharray", function (l) { return l.demonstration ? "6 4" : (l.current === false ? "2 3" : null); })
      .attr("marker-end", "url(#arrow)")
      .attr("vector-effect", "non-scaling-stroke");
  }

  function drawNodes(layer, data, info, showAll) {
    var nodes = layer.selectAll("a").data(data.nodes).join("a")
      .attr("href", function (n) { return n.url; }).attr("class", "node")
      .attr("aria-label", describe)
      .attr("transform", function (n) { return "translate(" + n.x + "," + n.y + ")"; });
    nodes.append("title").text(describe);
    nodes.append("path").attr("d", function (n) { return shape(n, n.focus ? 260 : 110); })
      .attr("fill", colour).attr("stroke", function (n) { return n.focus ? "#000000" : "#ffffff"; })
      .attr("stroke-width", function (n) { return n.focus ? 2.5 : 1.2; });
    var labels = layer.append("g").attr("class", "labels").attr("pointer-events", "none")
      .selectAll("text").data(data.nodes).join("text")
      .attr("x", function (n) { return n.x + 10; }).attr("y", function (n) { return n.y + 4; })
      .attr("font-size", 11).attr("fill", "#1d1d1d")
      .attr("paint-order", "stroke").attr("stroke", "#ffffff").attr("stroke-width", 3)
      .attr("display", function (n) { return showAll || n.focus ? null : "none"; })
      .text(function (n) { return shortLabel(n.label); });
    var labelOf = function (n) { return labels.filter(function (m) { return m === n; }); };
    nodes.on("focus mouseenter", function (event, n) {
      info.textContent = describe(n) + ". " + ties(n, data.links).join("; ");
      labelOf(n).attr("display", null);
    }).on("blur mouseleave", function (event, n) {
      if (!showAll && !n.focus) { labelOf(n).attr("display", "none"); }
    });
    return nodes;
  }

  // The view: the whole graph, a column on the left for the legend, never too zoomed in.
  function fit(svg, data) {
    var xs = data.nodes.map(function (n) { return n.x; }), ys = data.nodes.map(function (n) { return n.y; });
    var left = 330, w = Math.max(d3.max(xs) - d3.min(xs) + left + 300, WIDTH);
    var h = Math.max(d3.max(ys) - d3.min(ys) + 80, HEIGHT * 0.75);
    var cx = (d3.min(xs) + d3.max(xs)) / 2, cy = (d3.min(ys) + d3.max(ys)) / 2;
    var x0 = Math.min(d3.min(xs) - left, cx - w / 2 - left / 2), y0 = cy - h / 2;
    svg.attr("viewBox", [x0, y0, w, h].join(" "));
    return {x: x0, y: y0, w: w, h: h};
  }

  function defs(svg) {
    svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 -5 10 10")
      .attr("refX", 17).attr("refY", 0).attr("markerWidth", 7).attr("markerHeight", 7)
      .attr("orient", "auto").append("path").attr("d", "M0,-4L10,0L0,4").attr("fill", "#6d6d6d");
  }

  function legendRows(data) {
    var seen = {};
    data.nodes.forEach(function (n) { seen[isPlant(n) ? "plant" : n.kind] = true; });
    var rows = [];
    if (seen.plant) {
      var kinds = ["assembly", "parts", "powertrain"].filter(function (k) {
        return data.nodes.some(function (n) { return n.kind === k; });
      });
      if (data.nodes.some(function (n) { return isPlant(n) && n.status; })) { rows = rows.concat(P.statusRows()); }
      rows = rows.concat(P.kindRows(kinds));
    }
    Object.keys(KINDS).filter(function (k) { return seen[k]; }).forEach(function (k) {
      rows.push([function (g) { g.append("path").attr("d", shape({kind: k}, 90)).attr("fill", KINDS[k].colour); }, KINDS[k].label]);
    });
    if (data.demonstration) {
      rows.push([function (g) {
        g.append("line").attr("x1", -8).attr("x2", 8).attr("stroke", "#b8860b").attr("stroke-width", 2).attr("stroke-dasharray", "6 4");
      }, "Demonstration data (made up, not fact)"]);
    }
    return rows;
  }

  function byYear(form, lines, nodes) {
    var slider = form.querySelector("#year"), all = form.querySelector("#all-years");
    function apply() {
      var y = all.checked ? null : Number(slider.value);
      form.querySelector("#year-shown").textContent = all.checked ? "all years" : String(y);
      var live = new Set();
      lines.attr("stroke-opacity", function (l) {
        var on = y === null || ((!l.start || l.start <= y) && (!l.end || l.end >= y));
        if (on) { live.add(l.source.id); live.add(l.target.id); }
        return on ? 1 : 0.08;
      });
      nodes.attr("opacity", function (n) { return y === null || live.has(n.id) || n.focus ? 1 : 0.2; });
    }
    slider.addEventListener("input", function () { all.checked = false; apply(); });
    all.addEventListener("change", apply);
    apply();
  }

  function start(figure) {
    var data = JSON.parse(document.getElementById("network-data").textContent);
    layout(data);
    var svg = d3.select(figure).select("svg");
    defs(svg);
    var box = fit(svg, data);
    var viewport = svg.append("g").attr("class", "viewport");
    var lines = drawLinks(viewport.append("g").attr("class", "links"), data.links);
    var nodes = drawNodes(viewport.append("g").attr("class", "nodes"), data,
      document.getElementById("network-info"), data.nodes.length <= 60);
    P.zoomable(svg, viewport, figure);
    var legend = P.legend(svg, 0, 0, legendRows(data), data.demonstration ? "Legend (includes demonstration data)" : "Legend");
    legend.attr("transform", "translate(" + (box.x + 6) + "," + (box.y + 6) + ") scale(" + Math.max(1, box.w / WIDTH) + ")");
    var form = document.getElementById("year-form");
    if (form) { byYear(form, lines, nodes); }
    figure.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.getElementById("network-figure");
    if (figure) { start(figure); }
  });

  // Draw again from #network-data (after it changed); used by the tests at scale.
  window.skgNetwork = {redraw: function () {
    var figure = document.getElementById("network-figure");
    d3.select(figure).select("svg").selectAll("defs, g").remove();
    start(figure);
  }};
}());
