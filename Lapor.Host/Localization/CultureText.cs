using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Localization;

/// <summary>
/// Looks a resource text up in an explicit culture ("id" or "en"), for code that is told the caller's language rather
/// than running under the request's culture (the JSON API reads Accept-Language; services get a culture argument).
/// </summary>
public static class CultureText
{
    public static string Get(IStringLocalizer<PortalText> text, string key, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en-US" : "id-ID");
        try
        {
            return text[key];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
