// Starts Scalar's API reference on /api/docs. A file rather than an inline script: the Content-Security-Policy allows
// scripts from this site only. Loaded before Scalar's bundle, to set up what the bundle reads as it loads.
(function () {
    // The bundle validates with Zod, which probes for eval (Function('')) unless told it runs "jitless", as Zod's
    // documentation advises under a CSP without 'unsafe-eval'. The probe is caught, but the browser still reports it.
    window.__zod_globalConfig = Object.assign(window.__zod_globalConfig || {}, { jitless: true });

    document.addEventListener('DOMContentLoaded', function () {
        var app = document.getElementById('app');
        // Scalar's web fonts and telemetry would reach other hosts, so both are off.
        window.Scalar.createApiReference('#app', {
            url: app.getAttribute('data-document'),
            withDefaultFonts: false,
            telemetry: false,
            hideClientButton: true,
        });
    });
})();
