// Small enhancements; every page works without them.
(function () {
    "use strict";

    // Copy the tracking code; select it as a fallback where the clipboard API is unavailable.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        button.addEventListener("click", function () {
            var text = button.getAttribute("data-copy");
            var done = function () {
                button.textContent = button.getAttribute("data-copied");
            };
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(text).then(done, function () { selectCode(); });
            } else {
                selectCode();
            }
        });
    });

    function selectCode() {
        var code = document.querySelector("[data-tracking-code]");
        if (!code) return;
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    // Tell the reporter before uploading that a file is too large or there are too many; the server checks again.
    var form = document.getElementById("form-laporan");
    var input = document.getElementById("lampiran");
    var warning = document.querySelector("[data-attachment-warning]");
    if (form && input && warning) {
        var maxFiles = parseInt(form.getAttribute("data-max-files"), 10);
        var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);
        var check = function () {
            var message = "";
            if (input.files.length > maxFiles) {
                message = form.getAttribute("data-too-many");
            } else {
                for (var i = 0; i < input.files.length; i++) {
                    if (input.files[i].size > maxBytes) {
                        message = input.files[i].name + ": " + form.getAttribute("data-too-large");
                        break;
                    }
                }
            }
            warning.textContent = message;
            input.classList.toggle("is-invalid", message !== "");
            return message === "";
        };
        input.addEventListener("change", check);
        form.addEventListener("submit", function (event) {
            if (!check()) {
                event.preventDefault();
                input.focus();
            }
        });
    }

    // Fill latitude and longitude from the phone's location, when the reporter asks.
    var locate = document.querySelector("[data-geolocate]");
    if (locate && navigator.geolocation) {
        locate.classList.remove("d-none");
        locate.addEventListener("click", function () {
            navigator.geolocation.getCurrentPosition(function (position) {
                document.getElementById("Form_Latitude").value = position.coords.latitude.toFixed(6);
                document.getElementById("Form_Longitude").value = position.coords.longitude.toFixed(6);
                // The picker map follows the fields.
                document.getElementById("Form_Latitude").dispatchEvent(new Event("change"));
            }, function () {
                locate.textContent = locate.getAttribute("data-failed");
            }, { enableHighAccuracy: true, timeout: 15000 });
        });
    }

    // Buttons that change running cases ask first. A listener here, not an onclick attribute: the
    // Content-Security-Policy (script-src 'self') refuses inline handlers.
    document.addEventListener("click", function (event) {
        var button = event.target instanceof Element ? event.target.closest("[data-confirm]") : null;
        if (button && !window.confirm(button.getAttribute("data-confirm"))) {
            event.preventDefault();
        }
    });

    // After a refused submission, bring the summary of mistakes into view.
    var summary = document.getElementById("ringkasan-kesalahan");
    if (summary) summary.focus();
})();
