using System.Globalization;
using Lapor.Domain.Reports;
using Microsoft.AspNetCore.Localization;

namespace Lapor.Host.Localization;

/// <summary>
/// The portal speaks Bahasa Indonesia unless the visitor chose English with the language switch (a cookie). The
/// browser's Accept-Language is deliberately not consulted: a phone set to English must still open the Indonesian
/// public-service portal, with English one tap away.
/// </summary>
public static class PortalCultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";
    public const string CookieName = "Lapor.Bahasa";

    public static readonly string[] Supported = [Indonesian, English];

    public static void Configure(RequestLocalizationOptions options)
    {
        options.SetDefaultCulture(Indonesian).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
        options.RequestCultureProviders =
        [
            // The JSON and Open311 APIs answer in the language their client asks for; the pages ignore Accept-Language.
            new ApiLanguageProvider(),
            new CookieRequestCultureProvider { CookieName = CookieName },
            // ?culture=en-US lets a shared link open in English without a cookie.
            new QueryStringRequestCultureProvider(),
        ];
    }

    /// <summary>The current UI language as a report stores it: "en" or "id".</summary>
    public static string Language =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : Report.DefaultLanguage;

    public static bool IsEnglish => Language == "en";

    /// <summary>
    /// Runs the code until disposal in <paramref name="language"/> ("id", "en", "en-US"…), for texts written outside a
    /// request or for someone other than the visitor: a notice in its reporter's language, a staff notice in Indonesian.
    /// </summary>
    public static CultureScope Use(string? language) => new(CultureInfo.GetCultureInfo(Resolve(language)));

    /// <summary>The supported culture a language switch value ("id", "en", "en-US"…) stands for.</summary>
    public static string Resolve(string? requested) =>
        requested is not null && requested.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Indonesian;
}
