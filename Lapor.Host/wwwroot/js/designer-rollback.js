// Desain proses: "Terbitkan ulang" opens one dialog that asks why. The comment is required; an empty one is stopped
// here with the page's own text (the browser's bubble would speak the browser's language) and again by the server.
(function () {
    "use strict";
    var dialog = document.getElementById("rollback-dialog");
    if (!dialog) return;
    var form = document.getElementById("rollback-form");
    var comment = document.getElementById("rollback-comment");
    var what = document.getElementById("rollback-what");

    document.addEventListener("click", function (event) {
        var button = event.target instanceof Element ? event.target.closest("[data-rollback]") : null;
        if (!button) return;
        document.getElementById("rollback-key").value = button.getAttribute("data-key");
        document.getElementById("rollback-version").value = button.getAttribute("data-version");
        what.textContent = what.getAttribute("data-template")
            .replace("{0}", button.getAttribute("data-version")).replace("{1}", button.getAttribute("data-key"));
        form.classList.remove("was-validated");
        comment.value = "";
        dialog.showModal();
        comment.focus();
    });

    document.getElementById("rollback-cancel").addEventListener("click", function () { dialog.close(); });

    form.addEventListener("submit", function (event) {
        if (comment.value.trim() === "") {
            event.preventDefault();
            comment.value = "";
            form.classList.add("was-validated");
            comment.focus();
        }
    });
})();
