// Starts Scalar's API reference on /api/docs. A file rather than an inline script: the Content-Security-Policy allows
// scripts from this site only. Scalar's web fonts and telemetry would reach other hosts, so both are off.
(function () {
    var app = document.getElementById('app');
    window.Scalar.createApiReference('#app', {
        url: app.getAttribute('data-document'),
        withDefaultFonts: false,
        telemetry: false,
        hideClientButton: true,
    });
})();
