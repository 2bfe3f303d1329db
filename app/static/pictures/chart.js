// Charts from a question's JSON (SPARQL results) or from a list of points.
// <figure class="picture" data-src="…json" data-chart='{"type": "bar", "x": …, "y": …}'>
// bar: one group per row, one bar per y column; line: x is a year, one line per
// value of `series` and y column. Values, units and sources stay in the table.
(function () {
  "use strict";
  var P = window.skgPictures;
  var WIDTH = 900, HEIGHT = 420, M = {top: 30, right: 240, bottom: 70, left: 60};
  var COLOURS = ["#1f5fa8", "#d95f02", "#2c7f6f", "#7a1f1f", "#c79100", "#5b4a8b"];

  function list(value) { return Array.isArray(value) ? value : (value ? [value] : []); }

  function plain(binding) {
    if (!binding) { return null; }
    if (binding.type === "uri") { return binding.value.split(/[/#]/).pop(); }
    return binding.value;
  }

  function rowsOf(json) {
    if (json.results && json.results.bindings) {
      return json.results.bindings.map(function (b) {
        var row = {};
        Object.keys(b).forEach(function (k) { row[k] = plain(b[k]); });
        return row;
      });
    }
    return json.points || [];
  }

  function meaning(spec, column) { return (spec.labels && spec.labels[column]) || column.replace(/_/g, " "); }

  function frame(svg, spec) {
    svg.attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
    svg.append("text").attr("x", M.left).attr("y", 18).attr("font-size", 14).attr("font-weight", "bold")
      .attr("fill", "#1d1d1d").text(spec.title || "");
    return svg.append("g");
  }

  function yScale(values) {
    var lo = Math.min(0, d3.min(values)), hi = Math.max(0, d3.max(values));
    return d3.scaleLinear().domain([lo, hi]).nice().range([HEIGHT - M.bottom, M.top + 10]);
  }

  function drawBars(svg, spec, rows) {
    var g = frame(svg, spec), ys = list(spec.y), xs = list(spec.x);
    rows = rows.filter(function (r) { return ys.some(function (c) { return r[c] !== null && r[c] !== undefined && r[c] !== ""; }); });
    var label = function (r) { return xs.map(function (c) { return r[c]; }).filter(Boolean).join(" · "); };
    var x = d3.scaleBand().domain(rows.map(function (r, i) { return i; })).range([M.left, WIDTH - M.right]).padding(0.25);
    var inner = d3.scaleBand().domain(ys).range([0, x.bandwidth()]).padding(0.08);
    var values = [];
    rows.forEach(function (r) { ys.forEach(function (c) { if (r[c] !== null && r[c] !== undefined) { values.push(Number(r[c])); } }); });
    var y = yScale(values);
    g.append("g").attr("transform", "translate(" + M.left + ",0)").call(d3.axisLeft(y).ticks(6));
    g.append("g").attr("transform", "translate(0," + (HEIGHT - M.bottom) + ")")
      .call(d3.axisBottom(x).tickFormat(function (i) { return label(rows[i]); }))
      .selectAll("text").attr("font-size", 11).call(wrap, x.bandwidth());
    g.append("line").attr("x1", M.left).attr("x2", WIDTH - M.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#333333");
    var groups = spec.colour_by ? Array.from(new Set(rows.map(function (r) { return r[spec.colour_by]; }))) : null;
    rows.forEach(function (r, i) {
      ys.forEach(function (c, j) {
        if (r[c] === null || r[c] === undefined || r[c] === "") { return; }
        if (groups) { j = groups.indexOf(r[spec.colour_by]); }
        var v = Number(r[c]), top = Math.min(y(v), y(0));
        var bar = g.append("rect").attr("class", "bar").attr("x", x(i) + inner(c)).attr("width", inner.bandwidth())
          .attr("data-group", groups ? r[spec.colour_by] : c)
          .attr("y", top).attr("height", Math.max(Math.abs(y(v) - y(0)), 1)).attr("fill", COLOURS[j % COLOURS.length])
          .attr("data-value", v);
        bar.append("title").text(label(r) + ", " + meaning(spec, c) + ": " + v);
        g.append("text").attr("class", "value").attr("x", x(i) + inner(c) + inner.bandwidth() / 2)
          .attr("y", v >= 0 ? y(v) - 4 : y(v) - 5).attr("text-anchor", "middle").attr("font-size", 11)
          .attr("fill", v >= 0 ? "#1d1d1d" : "#ffffff").text(v);
      });
    });
    legendFor(svg, (groups || ys).map(function (c, j) {
      return [COLOURS[j % COLOURS.length], groups ? c : meaning(spec, c), null];
    }));
  }

  function wrap(texts, width) {
    texts.each(function () {
      var text = d3.select(this), words = text.text().split(/\s+/), line = [], lines = 0;
      text.text(null);
      var tspan = text.append("tspan").attr("x", 0).attr("dy", "1em");
      words.forEach(function (word) {
        line.push(word);
        tspan.text(line.join(" "));
        if (tspan.node().getComputedTextLength() > width && line.length > 1 && lines < 2) {
          line.pop(); tspan.text(line.join(" ")); line = [word]; lines += 1;
          tspan = text.append("tspan").attr("x", 0).attr("dy", "1.1em").text(word);
        }
      });
    });
  }

  function drawLines(svg, spec, rows) {
    var g = frame(svg, spec), ys = list(spec.y);
    var groups = d3.groups(rows, function (r) { return spec.series ? r[spec.series] : ""; });
    var x = d3.scaleLinear().domain(d3.extent(rows, function (r) { return Number(r[spec.x]); })).range([M.left, WIDTH - M.right]);
    var values = [];
    rows.forEach(function (r) { ys.forEach(function (c) { if (r[c] !== null) { values.push(Number(r[c])); } }); });
    var y = yScale(values);
    g.append("g").attr("transform", "translate(" + M.left + ",0)").call(d3.axisLeft(y).ticks(6));
    g.append("g").attr("transform", "translate(0," + (HEIGHT - M.bottom) + ")").call(d3.axisBottom(x).tickFormat(d3.format("d")));
    var keys = [];
    groups.forEach(function (group, i) {
      ys.forEach(function (c, j) {
        var points = group[1].filter(function (r) { return r[c] !== null; });
        var colour = COLOURS[i % COLOURS.length], dash = j ? "6 4" : null, name = (group[0] ? group[0] + ": " : "") + meaning(spec, c);
        g.append("path").attr("class", "series").attr("fill", "none").attr("stroke", colour).attr("stroke-width", 2)
          .attr("stroke-dasharray", dash)
          .attr("d", d3.line().x(function (r) { return x(Number(r[spec.x])); }).y(function (r) { return y(Number(r[c])); })(points));
        points.forEach(function (r) {
          g.append("circle").attr("cx", x(Number(r[spec.x]))).attr("cy", y(Number(r[c]))).attr("r", 2.5).attr("fill", colour)
            .append("title").text(name + ", " + r[spec.x] + ": " + r[c]);
        });
        keys.push([colour, name, dash]);
      });
    });
    legendFor(svg, keys);
  }

  function legendFor(svg, keys) {
    P.legend(svg, WIDTH - M.right + 14, M.top, keys.map(function (k) {
      return [function (line) {
        line.append("line").attr("x1", -8).attr("x2", 8).attr("stroke", k[0]).attr("stroke-width", k[2] ? 2.5 : 8)
          .attr("stroke-dasharray", k[2]);
      }, k[1].length > 27 ? k[1].slice(0, 25) + "…" : k[1]];
    }), null);
  }

  function start(figure) {
    var spec = JSON.parse(figure.dataset.chart);
    P.getJson(figure.dataset.src).then(function (json) {
      var svg = d3.select(figure).select("svg");
      var rows = rowsOf(json);
      if (!rows.length) { figure.querySelector("figcaption").textContent = "No data to chart."; }
      else if (spec.type === "line") { drawLines(svg, spec, rows); }
      else { drawBars(svg, spec, rows); }
      if (figure.dataset.replaces) {
        document.querySelectorAll(figure.dataset.replaces).forEach(function (old) { old.hidden = true; });
      }
      figure.dataset.ready = "true";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("figure[data-chart]").forEach(start);
  });
}());
