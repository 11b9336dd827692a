namespace Lapor.Host.Delivery;

/// <summary>
/// Turns notices off for the code running inside a <see cref="Begin"/> block on this async flow: demo reports are made
/// up, and their made-up reporters and officers must not be mailed when a province starts with SMTP configured.
/// </summary>
public static class NoticeSuppression
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    public static bool Active => Suppressed.Value;

    public static IDisposable Begin()
    {
        Suppressed.Value = true;
        return new End();
    }

    private sealed class End : IDisposable
    {
        public void Dispose() => Suppressed.Value = false;
    }
}
