using Microsoft.OpenApi;

namespace Lapor.Host.Api.Docs;

/// <summary>
/// The OpenAPI document of the public APIs (<c>/openapi/v1.json</c>: <c>/api/reports</c>, the national connector and Open311) and Scalar's
/// reference page for it at <c>/api/docs</c>. Scalar's own page starts itself with an inline script, which the site's
/// Content-Security-Policy (script-src 'self') refuses; so the page here is ours, loading the standalone bundle that
/// ships inside Scalar.AspNetCore (nothing from a CDN) and a start-up script from wwwroot.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePath = "/api/docs";
    public const string BundlePath = PagePath + "/scalar.js";

    private const string Page = """
        <!doctype html>
        <html lang="id">
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Dokumentasi API Lapor</title>
        </head>
        <body>
            <div id="app" data-document="/openapi/v1.json"></div>
            <script src="/js/api-docs.js"></script>
            <script src="/api/docs/scalar.js"></script>
        </body>
        </html>
        """;

    public static IServiceCollection AddLaporApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // The public APIs only: the engine API and the portal's pages are for staff and people, not integrators.
            o.ShouldInclude = d => d.RelativePath is { } path
                && (path.StartsWith("api/reports", StringComparison.Ordinal) || path.StartsWith("api/national", StringComparison.Ordinal)
                    || path.StartsWith("open311/", StringComparison.Ordinal));
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Lapor API",
                    Version = "v1",
                    Description = "Laporan warga (/api/reports, JSON), Open311 GeoReport v2 (/open311/v2, JSON atau XML) dan penghubung " +
                                  "nasional SP4N-LAPOR (/api/national, JSON bertanda tangan HMAC-SHA256; lihat docs/national-connector.md). " +
                                  "Laporan rahasia dan data pelapor tidak pernah tampil.",
                };
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapLaporApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet(PagePath, () => Results.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet(BundlePath, ScalarBundle.Serve).ExcludeFromDescription();
        return app;
    }
}
