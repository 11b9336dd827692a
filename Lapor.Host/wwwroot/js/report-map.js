// Draws the maps of _Map.cshtml with Leaflet. Tiles come from the configured tile server when it answers; markers are
// drawn either way (an unreachable tile server leaves a grey background, never an error). A picker map fills the
// latitude and longitude fields of its form, which stay usable without this script.
(function () {
    "use strict";

    if (!window.L) return;

    document.querySelectorAll("[data-map]").forEach(function (element) {
        draw(element);
    });

    function draw(element) {
        var data = element.dataset;
        var map = L.map(element, { scrollWheelZoom: false, maxZoom: number(data.maxZoom, 19) });
        if (data.tileUrl) {
            L.tileLayer(data.tileUrl, {
                attribution: data.attribution || "",
                subdomains: data.subdomains || "abc",
                maxZoom: number(data.maxZoom, 19)
            }).addTo(map);
        }
        var center = [number(data.centerLat, 0), number(data.centerLon, 0)];
        var centerZoom = number(data.centerZoom, 9);
        var markers = readMarkers(data.markers);
        var latInput = data.latInput ? document.getElementById(data.latInput) : null;
        var lonInput = data.lonInput ? document.getElementById(data.lonInput) : null;

        if (latInput && lonInput) {
            pick(map, element, latInput, lonInput, center, centerZoom);
        } else {
            show(map, markers, center, centerZoom);
        }

        // A map inside a closed <details> has no size yet: measure again when it opens.
        var details = element.closest("details");
        if (details) {
            details.addEventListener("toggle", function () {
                if (details.open) map.invalidateSize();
            });
        }
        element.setAttribute("data-ready", "true");
    }

    function show(map, markers, center, centerZoom) {
        var points = [];
        markers.forEach(function (m) {
            var marker = L.marker([m.lat, m.lon], { title: m.title || "", alt: m.title || "" }).addTo(map);
            var popup = popupFor(m);
            if (popup) marker.bindPopup(popup);
            points.push([m.lat, m.lon]);
        });
        if (points.length === 0) {
            map.setView(center, centerZoom);
        } else if (points.length === 1) {
            map.setView(points[0], 16);
        } else {
            map.fitBounds(points, { padding: [24, 24], maxZoom: 16 });
        }
    }

    function pick(map, element, latInput, lonInput, center, centerZoom) {
        var marker = null;
        var label = element.dataset.markerLabel || "";

        function fromFields() {
            var lat = parseFloat((latInput.value || "").replace(",", "."));
            var lon = parseFloat((lonInput.value || "").replace(",", "."));
            if (isNaN(lat) || isNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
            return L.latLng(lat, lon);
        }

        function place(latLng) {
            if (marker) {
                marker.setLatLng(latLng);
                return;
            }
            marker = L.marker(latLng, { draggable: true, title: label, alt: label, keyboard: true }).addTo(map);
            marker.on("dragend", function () {
                fill(marker.getLatLng());
            });
        }

        function fill(latLng) {
            latInput.value = latLng.lat.toFixed(6);
            lonInput.value = latLng.lng.toFixed(6);
            latInput.classList.remove("is-invalid");
            lonInput.classList.remove("is-invalid");
        }

        var start = fromFields();
        if (start) {
            place(start);
            map.setView(start, 16);
        } else {
            map.setView(center, centerZoom);
        }

        map.on("click", function (event) {
            place(event.latlng);
            fill(event.latlng);
        });

        // Typed (or located) coordinates move the marker to them.
        [latInput, lonInput].forEach(function (input) {
            input.addEventListener("change", function () {
                var point = fromFields();
                if (!point) return;
                place(point);
                map.setView(point, Math.max(map.getZoom(), 14));
            });
        });
    }

    // Title and note as text, never as HTML: they are what citizens wrote.
    function popupFor(m) {
        if (!m.title && !m.note) return null;
        var box = document.createElement("div");
        if (m.title) {
            var title = document.createElement(m.href ? "a" : "strong");
            title.textContent = m.title;
            if (m.href) title.setAttribute("href", m.href);
            box.appendChild(title);
        }
        if (m.note) {
            var note = document.createElement("div");
            note.className = "small text-muted";
            note.textContent = m.note;
            box.appendChild(note);
        }
        return box;
    }

    function readMarkers(json) {
        try {
            var list = JSON.parse(json || "[]");
            return Array.isArray(list) ? list : [];
        } catch (e) {
            return [];
        }
    }

    function number(text, fallback) {
        var value = parseFloat(text);
        return isNaN(value) ? fallback : value;
    }
})();
