// Download a picture as SVG or PNG, entirely in the browser.
// Any element with data-export="<figure id>" and data-format="svg|png" downloads
// the first <svg> of that figure; data-name gives the file name (no suffix).
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";

  // The picture as a standalone SVG: white background, the page's font, and a credit
  // line under it (where it comes from, with the filters in the address, and when).
  function serialize(svg) {
    var box = svg.getBoundingClientRect();
    var width = Math.round(box.width), height = Math.round(box.height), credit = 22;
    var copy = svg.cloneNode(true);
    copy.querySelectorAll("[data-no-export]").forEach(function (el) { el.remove(); });
    copy.setAttribute("width", width);
    copy.setAttribute("height", height);
    var outer = document.createElementNS(NS, "svg");
    outer.setAttribute("xmlns", NS);
    outer.setAttribute("width", width);
    outer.setAttribute("height", height + credit);
    outer.setAttribute("viewBox", "0 0 " + width + " " + (height + credit));
    outer.setAttribute("font-family", getComputedStyle(svg).fontFamily);
    var background = document.createElementNS(NS, "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#ffffff");
    var line = document.createElementNS(NS, "text");
    line.setAttribute("x", 6);
    line.setAttribute("y", height + 15);
    line.setAttribute("font-size", 11);
    line.setAttribute("fill", "#444444");
    line.textContent = "Solidarity Graph · " + location.href + " · " + new Date().toISOString().slice(0, 10);
    outer.append(background, copy, line);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(outer);
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function savePng(svg, text, name) {
    var box = svg.getBoundingClientRect();
    var scale = 2, credit = 22;
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(box.width * scale);
      canvas.height = Math.round((box.height + credit) * scale);
      var context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, box.width, box.height + credit);
      canvas.toBlob(function (blob) { save(blob, name); }, "image/png");
    };
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
  }

  function download(button) {
    var figure = document.getElementById(button.dataset.export);
    var svg = figure && figure.querySelector("svg");
    if (!svg) { return; }
    var name = (button.dataset.name || "picture") + "." + button.dataset.format;
    var text = serialize(svg);
    if (button.dataset.format === "png") {
      savePng(svg, text, name);
    } else {
      save(new Blob([text], {type: "image/svg+xml"}), name);
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-export]");
    if (button) { event.preventDefault(); download(button); }
  });

  window.skgExport = {serialize: serialize};
}());
