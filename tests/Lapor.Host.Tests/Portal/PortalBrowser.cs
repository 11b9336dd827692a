namespace Lapor.Host.Tests.Portal;

/// <summary>
/// The browser test classes share the machine's two cores with everything else, so they run one after another
/// (each still with its own host and browser).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalBrowser
{
    public const string Name = "Portal in a browser";
}
