using Lapor.Host.Api.Open311;
using Microsoft.AspNetCore.Localization;

namespace Lapor.Host.Localization;

/// <summary>
/// The language of an API answer: English when the client's first Accept-Language is English, otherwise Indonesian.
/// API clients are programs that state their language; the pages keep their own rule (cookie, then Indonesian).
/// </summary>
public sealed class ApiLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!Answers(httpContext.Request.Path))
            return NullProviderCultureResult;
        var culture = CultureOf(httpContext.Request);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
    }

    /// <summary>The JSON and Open311 APIs speak the client's language; the engine REST API is English for programs.</summary>
    public static bool Answers(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments(Open311Api.Root);

    /// <summary>
    /// The supported culture the client's first Accept-Language stands for. Also read by the error handler, which runs
    /// outside the localisation middleware once an exception has unwound it.
    /// </summary>
    public static string CultureOf(HttpRequest request)
    {
        var requested = request.Headers.AcceptLanguage.ToString();
        var first = requested.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(';')[0].Trim()).FirstOrDefault();
        return PortalCultures.Resolve(first);
    }

    /// <summary>
    /// Writes an answer to a program in its API's language until disposal: the client's for the JSON and Open311 APIs,
    /// English for the others (the engine REST API, health, metrics), whose texts are for programs.
    /// </summary>
    public static CultureScope Use(HttpRequest request, PathString path) =>
        PortalCultures.Use(Answers(path) ? CultureOf(request) : PortalCultures.English);
}
