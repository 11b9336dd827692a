namespace Lapor.Benchmarks;

/// <summary>The sub-commands' options: <c>--name value</c> pairs after the sub-command's name.</summary>
internal static class CommandLine
{
    /// <summary>The value after <paramref name="name"/>, or null when the option is not given.</summary>
    public static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>A whole number; digit groups may be written 1_000_000 or 1,000,000.</summary>
    public static int Option(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name)?.Replace("_", "").Replace(",", ""), out var value) ? value : fallback;
}
