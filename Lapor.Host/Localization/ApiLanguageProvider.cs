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
        var path = httpContext.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments(Open311Api.Root))
            return NullProviderCultureResult;
        var requested = httpContext.Request.Headers.AcceptLanguage.ToString();
        var first = requested.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split(';')[0].Trim()).FirstOrDefault();
        var culture = PortalCultures.Resolve(first);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
    }
}
