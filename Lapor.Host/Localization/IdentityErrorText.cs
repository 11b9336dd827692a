using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Localization;

/// <summary>
/// Identity speaks English; its error codes are stable, so pages translate them through the portal's resources
/// (<c>Identity.&lt;Code&gt;</c>, or a key the page chooses) and keep unknown ones as Identity sent them.
/// </summary>
public static class IdentityErrorText
{
    public static string Describe(IStringLocalizer<PortalText> text, IdentityError error, int passwordLength, string? key = null)
    {
        var translated = text[key ?? "Identity." + error.Code, passwordLength];
        return translated.ResourceNotFound ? error.Description : translated.Value;
    }
}
