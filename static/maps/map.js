/* The shared map component: every element with [data-place-map] becomes a Leaflet map whose
 * markers come from its data-source (a GeoJSON URL of /api/v1/places.geojson).
 *
 * - Tiles only when data-tile-url is set; otherwise the markers sit on a plain background.
 * - Markers are buttons in the tab order with the item's title as their name; Enter or Space
 *   opens the popup and moves focus to its link; Escape closes it and returns to the marker.
 * - Popups are built with DOM calls (textContent), never from HTML strings.
 * - The page's list stays the accessible alternative; the map says how many items it shows.
 */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function popupContent(props, texts) {
    var box = el("div", "place-popup");
    var title = el("p", "place-popup__title");
    var link = el("a", null, props.title);
    link.href = props.url;
    title.appendChild(link);
    box.appendChild(title);
    if (props.facts && props.facts.length) {
      var list = el("ul", "place-popup__facts");
      props.facts.forEach(function (fact) { list.appendChild(el("li", null, fact)); });
      box.appendChild(list);
    }
    var more = el("a", "place-popup__more", texts.open);
    more.href = props.url;
    more.setAttribute("aria-label", texts.open + ": " + props.title);
    box.appendChild(more);
    return box;
  }

  function markerIcon(props) {
    var variant = props.variant ? " place-marker--" + props.variant : "";
    if (props.label) {
      // A numbered marker (an itinerary's stops): the number is drawn in it.
      return L.divIcon({
        className: "place-marker place-marker--numbered place-marker--" + props.kind + variant,
        html: el("span", "place-marker__label", props.label), iconSize: [28, 28],
        iconAnchor: [14, 14], popupAnchor: [0, -15]
      });
    }
    return L.divIcon({
      className: "place-marker place-marker--" + props.kind + variant,
      html: "", iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -12]
    });
  }

  function init(container) {
    if (container.dataset.ready) return;
    container.dataset.ready = "1";
    var d = container.dataset;
    var texts = {
      open: d.textOpen, empty: d.textEmpty, error: d.textError, loading: d.textLoading,
      markers: d.textMarkers
    };
    var status = container.querySelector(".place-map__status");
    if (status) status.textContent = texts.loading;

    var canvas = el("div", "place-map__canvas");
    container.appendChild(canvas);
    var map = L.map(canvas, {
      zoomControl: false, scrollWheelZoom: false, attributionControl: !!d.tileUrl,
      keyboard: true
    });
    L.control.zoom({ zoomInTitle: d.textZoomIn, zoomOutTitle: d.textZoomOut }).addTo(map);
    // The map pane itself is focusable for keyboard panning: give it a name.
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", d.label || texts.markers);
    canvas.setAttribute("aria-describedby", container.id + "-help");
    var help = el("p", "visually-hidden", texts.markers);
    help.id = container.id + "-help";
    container.appendChild(help);
    if (d.tileUrl) {
      map.attributionControl.setPrefix("");
      L.tileLayer(d.tileUrl, { attribution: d.tileAttribution, maxZoom: 18 }).addTo(map);
    } else {
      container.classList.add("place-map--plain");
    }
    // Dầu Tiếng until the markers arrive.
    map.setView([11.28, 106.37], 10);

    fetch(d.source, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var features = data.features || [];
        if (!features.length) {
          if (status) status.textContent = texts.empty;
          return;
        }
        var bounds = [];
        features.forEach(function (feature) {
          var c = feature.geometry.coordinates, props = feature.properties;
          var latlng = [c[1], c[0]];
          bounds.push(latlng);
          var marker = L.marker(latlng, {
            icon: markerIcon(props), title: props.title, keyboard: true, riseOnHover: true
          });
          // Pan clear of the zoom buttons (top left) when the popup opens.
          marker.bindPopup(popupContent(props, texts), {
            closeButton: true, autoPanPaddingTopLeft: [60, 24], autoPanPaddingBottomRight: [24, 24]
          });
          marker.on("add", function () {
            var node = marker.getElement();
            node.setAttribute("role", "button");
            node.setAttribute("aria-label", props.title);
            node.setAttribute("aria-haspopup", "dialog");
            node.addEventListener("keydown", function (event) {
              if (event.key === " " || event.key === "Spacebar") {
                event.preventDefault();
                marker.openPopup();
              }
            });
          });
          marker.on("popupopen", function (event) {
            var node = marker.getElement();
            if (node) node.setAttribute("aria-expanded", "true");
            var popup = event.popup.getElement();
            if (!popup) return;
            popup.setAttribute("role", "dialog");
            popup.setAttribute("aria-label", props.title);
            var close = popup.querySelector(".leaflet-popup-close-button");
            if (close) close.setAttribute("aria-label", d.textClose);
            // Opened from the keyboard: move there, as a disclosure would.
            if (document.activeElement === node) {
              var first = popup.querySelector("a[href]");
              if (first) first.focus();
            }
            popup.addEventListener("keydown", function (e) {
              if (e.key === "Escape") {
                marker.closePopup();
                if (node) node.focus();
              }
            });
          });
          marker.on("popupclose", function () {
            var node = marker.getElement();
            if (node) node.setAttribute("aria-expanded", "false");
          });
          marker.addTo(map);
        });
        if (d.route && bounds.length > 1) {
          // data-route: the features are stops in order; join them with a line.
          L.polyline(bounds, { className: "place-map__route", interactive: false, smoothFactor: 0 })
            .addTo(map);
        }
        if (bounds.length === 1) {
          map.setView(bounds[0], Number(d.zoom) || 13);
        } else {
          map.fitBounds(bounds, { padding: [28, 28], maxZoom: Number(d.zoom) || 14 });
        }
        if (status) {
          status.textContent = (d.countTemplate || "").replace("{count}", features.length);
          status.classList.add("visually-hidden");
        }
        container.dispatchEvent(new CustomEvent("placemap:ready", {
          bubbles: true, detail: { count: features.length }
        }));
      })
      .catch(function () {
        if (status) status.textContent = texts.error;
      });
  }

  function start() {
    if (typeof L === "undefined") return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-place-map]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
