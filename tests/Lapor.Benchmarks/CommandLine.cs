namespace Lapor.Benchmarks;

/// <summary>The sub-commands' options: <c>--name value</c> pairs after the sub-command's name.</summary>
internal static class CommandLine
{
    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
