// The timeline: one lane per kind of item, periods as bars, dates as dots,
// a horizontal zoom that rescales the axis, every item a link to its page.
(function () {
  "use strict";
  var WIDTH = 1000, LANE = 64, LEFT = 300, TOP = 34, RIGHT = 20;
  var COLOURS = {phases: "#7a1f1f", meetings: "#c79100", takeovers: "#8c2d04",
    agreements: "#1f5fa8", rules: "#2c7f6f"};
  var parse = d3.utcParse("%Y-%m-%d");

  function dates(item) {
    var start = parse(item.start), end = item.end ? parse(item.end) : null;
    if (item.open) { end = new Date(); }
    return {start: start, end: end};
  }

  function describe(item) {
    var when = item.span ? item.start.slice(0, 4) + "–" + (item.end ? item.end.slice(0, 4) : "today")
      : item.start + (item.end ? " to " + item.end : "");
    return item.label + " (" + when + ")";
  }

  function drawLanes(svg, lanes, height) {
    var g = svg.append("g").attr("class", "lanes");
    lanes.forEach(function (lane, i) {
      var y = TOP + i * LANE;
      g.append("rect").attr("x", 0).attr("y", y).attr("width", WIDTH).attr("height", LANE)
        .attr("fill", i % 2 ? "#ffffff" : "#f4f1ec");
      g.append("text").attr("x", 8).attr("y", y + LANE / 2 + 4).attr("font-size", 12)
        .attr("font-weight", "bold").attr("fill", "#1d1d1d").text(lane.label);
    });
    g.append("line").attr("x1", LEFT).attr("x2", LEFT).attr("y1", TOP).attr("y2", height)
      .attr("stroke", "#999999");
  }

  function shortLabel(label) {
    var text = label.split(" (")[0];
    return text.length <= 32 ? text : text.slice(0, text.lastIndexOf(" ", 32));
  }

  function drawItems(layer, data, info) {
    var labels = layer.append("g").attr("class", "labels").attr("pointer-events", "none");
    var laneIndex = {};
    data.lanes.forEach(function (lane, i) { laneIndex[lane.id] = i; });
    var counts = {};
    return data.items.map(function (item) {
      var d = dates(item), lane = laneIndex[item.lane];
      var slot = counts[item.lane] = ((counts[item.lane] || 0) + 1) % 3;
      var y = TOP + lane * LANE + 14 + slot * 16;
      var a = layer.append("a").attr("href", item.url).attr("class", "event")
        .attr("aria-label", describe(item));
      a.append("title").text(describe(item));
      var mark = item.span ? a.append("rect").attr("height", 12).attr("rx", 3)
        : a.append("circle").attr("r", 5.5);
      mark.attr("fill", COLOURS[item.lane]).attr("stroke", "#ffffff").attr("stroke-width", 1);
      var text = item.span ? a.append("text").attr("font-size", 10).attr("fill", "#ffffff")
        .text(item.label.split(" (")[0].split(":")[0]) : null;
      a.on("focus mouseenter", function () { info.textContent = describe(item); });
      var note = item.span ? null : labels.append("text").attr("font-size", 10).attr("fill", "#1d1d1d")
        .attr("paint-order", "stroke").attr("stroke", "#ffffff").attr("stroke-width", 3)
        .attr("display", "none").text(shortLabel(item.label));
      return {item: item, d: d, y: y, mark: mark, text: text, note: note};
    });
  }

  // Bars and dots at their dates; dots get their names once zoomed in enough to read them.
  function place(marks, x, k) {
    marks.forEach(function (m) {
      if (m.item.span) {
        var x0 = x(m.d.start), x1 = x(m.d.end || m.d.start);
        m.mark.attr("x", x0).attr("y", m.y - 6).attr("width", Math.max(x1 - x0, 3));
        m.text.attr("x", x0 + 4).attr("y", m.y + 3.5)
          .attr("display", x1 - x0 > m.text.text().length * 5.6 + 8 ? null : "none");
      } else {
        m.mark.attr("cx", x(m.d.start)).attr("cy", m.y);
        m.note.attr("x", x(m.d.start) + 8).attr("y", m.y + 3.5).attr("display", k >= 6 ? null : "none");
      }
    });
  }

  function extent(items) {
    var all = [];
    items.forEach(function (item) { var d = dates(item); all.push(d.start); if (d.end) { all.push(d.end); } });
    var lo = d3.min(all), hi = d3.max(all);
    return [d3.utcYear.offset(d3.utcYear.floor(lo), -1), d3.utcYear.offset(d3.utcYear.ceil(hi), 1)];
  }

  function start(figure) {
    var data = JSON.parse(document.getElementById("timeline-data").textContent);
    var height = TOP + data.lanes.length * LANE + 10;
    var svg = d3.select(figure).select("svg").attr("viewBox", "0 0 " + WIDTH + " " + height);
    drawLanes(svg, data.lanes, height);
    var x = d3.scaleUtc().domain(extent(data.items)).range([LEFT + 8, WIDTH - RIGHT]);
    var axis = svg.append("g").attr("class", "axis").attr("transform", "translate(0," + (TOP - 4) + ")");
    svg.append("clipPath").attr("id", "timeline-clip").append("rect")
      .attr("x", LEFT).attr("y", 0).attr("width", WIDTH - LEFT).attr("height", height);
    var layer = svg.append("g").attr("clip-path", "url(#timeline-clip)");
    var marks = drawItems(layer, data, document.getElementById("timeline-info"));
    function redraw(scale, k) {
      axis.call(d3.axisTop(scale).ticks(10)).attr("font-size", 11);
      place(marks, scale, k);
    }
    var zoom = d3.zoom().scaleExtent([1, 60]).translateExtent([[LEFT, 0], [WIDTH, height]])
      .extent([[LEFT, 0], [WIDTH, height]])
      .on("zoom", function (event) { redraw(event.transform.rescaleX(x), event.transform.k); });
    svg.call(zoom);
    figure.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.dataset.zoom;
        if (how === "reset") { svg.call(zoom.transform, d3.zoomIdentity); }
        else { svg.call(zoom.scaleBy, how === "in" ? 2 : 0.5); }
      });
    });
    redraw(x, 1);
    figure.dataset.ready = "true";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.getElementById("timeline-figure");
    if (figure) { start(figure); }
  });
}());
