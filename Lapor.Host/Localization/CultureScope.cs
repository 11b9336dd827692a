using System.Globalization;

namespace Lapor.Host.Localization;

/// <summary>
/// Sets the current culture and UI culture, and puts the previous ones back on disposal. Both flow with the async
/// context, so the awaited calls inside the scope write in its language and the caller's language is untouched.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
