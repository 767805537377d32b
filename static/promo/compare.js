/* Enhances the compare checkboxes of the investment listing (the form works without it):
 * counts the ticked ones and disables the rest once three are ticked. */
(function () {
  "use strict";
  var script = document.currentScript;
  function start() {
    var max = Number(script.dataset.max) || 3;
    var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-compare]"));
    var status = document.querySelector("[data-compare-status]");
    if (!boxes.length) return;
    status && status.setAttribute("aria-live", "polite");
    function update() {
      var ticked = boxes.filter(function (b) { return b.checked; }).length;
      boxes.forEach(function (b) { b.disabled = !b.checked && ticked >= max; });
      if (!status) return;
      status.textContent = ticked >= max ? script.dataset.textFull
        : script.dataset.textCount.replace("{count}", ticked).replace("{max}", max);
    }
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
