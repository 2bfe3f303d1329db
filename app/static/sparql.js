// Fill the query box from the chosen prepared question.
document.addEventListener("DOMContentLoaded", function () {
  var select = document.getElementById("example");
  if (!select) { return; }
  select.addEventListener("change", function () {
    if (select.value) { document.getElementById(select.dataset.target).value = select.value; }
  });
});
