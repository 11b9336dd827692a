using System.Resources;

// The portal's resources are written in Bahasa Indonesia (Resources/Localization/PortalText.resx); only English has a
// satellite. Declaring that stops the resource manager probing for an "id" satellite that will never exist.
[assembly: NeutralResourcesLanguage("id")]

namespace Lapor.Host.Localization;

/// <summary>
/// The portal's one shared resource: every text a citizen reads, keyed <c>Area.Name</c>. Indonesian lives in
/// <c>Resources/Localization/PortalText.resx</c>, English in <c>PortalText.en.resx</c>; views get it as <c>T</c>.
/// </summary>
public sealed class PortalText;
