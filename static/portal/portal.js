/* Portal tools: print button, high-contrast toggle, view-count beacon. Loaded with defer. */
(function () {
  "use strict";
  var d = document, script = d.currentScript;

  d.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // The cookie lets the server render the theme class (no flash); localStorage survives the
  // cookie being cleared with the session by some browsers.
  var toggle = d.getElementById("contrast-toggle");
  function setContrast(on, save) {
    d.documentElement.classList.toggle("high-contrast", on);
    if (toggle) toggle.setAttribute("aria-pressed", on ? "true" : "false");
    if (save) {
      try { localStorage.setItem("contrast", on ? "high" : "normal"); } catch (e) { /* private mode */ }
      d.cookie = "contrast=" + (on ? "high" : "normal") + ";path=/;max-age=31536000;samesite=lax";
    }
  }
  var stored = null;
  try { stored = localStorage.getItem("contrast"); } catch (e) { /* private mode */ }
  var cookieOn = /(?:^|;\s*)contrast=high/.test(d.cookie);
  if (stored) setContrast(stored === "high", (stored === "high") !== cookieOn);
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      setContrast(toggle.getAttribute("aria-pressed") !== "true", true);
    });
  }

  // One count per page per browser session; reloads and prerendered-but-unseen pages don't count.
  // The token (signed by the server, the same for every visitor of this page) says what was
  // viewed; the server counts one view per visitor, page and day.
  var endpoint = script && script.dataset.endpoint, page = script && script.dataset.page;
  var token = script && script.dataset.token;
  if (!endpoint || !token || !navigator.sendBeacon) return;
  function send() {
    var key = "pv:" + (page || location.pathname);
    try {
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, "1");
    } catch (e) { return; }
    var data = new URLSearchParams();
    data.set("token", token);
    navigator.sendBeacon(endpoint, data);
  }
  if (d.visibilityState === "visible") send();
  else d.addEventListener("visibilitychange", function once() {
    if (d.visibilityState !== "visible") return;
    d.removeEventListener("visibilitychange", once);
    send();
  });
})();
