// Download a picture as SVG or PNG, entirely in the browser.
// Any element with data-export="<figure id>" and data-format="svg|png" downloads
// the first <svg> of that figure; data-name gives the file name (no suffix).
(function () {
  "use strict";

  function serialize(svg) {
    var copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    copy.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
    var box = svg.getBoundingClientRect();
    copy.setAttribute("width", Math.round(box.width));
    copy.setAttribute("height", Math.round(box.height));
    var background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    background.setAttribute("width", "100%");
    background.setAttribute("height", "100%");
    background.setAttribute("fill", "#ffffff");
    copy.insertBefore(background, copy.firstChild);
    copy.querySelectorAll("[data-no-export]").forEach(function (el) { el.remove(); });
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
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
    var scale = 2;
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(box.width * scale);
      canvas.height = Math.round(box.height * scale);
      var context = canvas.getContext("2d");
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, box.width, box.height);
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
