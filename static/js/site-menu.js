/* The phone header's menu button. Without JavaScript the button is a link to #site-menu, which
   CSS opens with :target; with it, the button toggles the menu in place. */
(function () {
  "use strict";
  var d = document, toggle = d.querySelector(".menu-toggle"), header = d.querySelector(".site-header");
  if (!toggle || !header) return;
  toggle.setAttribute("role", "button");
  function set(open) {
    header.classList.toggle("is-open", open);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  }
  toggle.addEventListener("click", function (event) {
    event.preventDefault();
    set(toggle.getAttribute("aria-expanded") !== "true");
  });
  toggle.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); toggle.click(); }
  });
  d.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("is-open")) { set(false); toggle.focus(); }
  });
})();
