namespace Lapor.Host.Backups;

/// <summary>
/// <c>&lt;verb&gt; &lt;file&gt; [--force]</c>. The file comes right after the verb; other arguments are host configuration
/// (<c>--Lapor:DataDirectory=…</c>), which the host builder reads.
/// </summary>
public sealed record BackupArguments(string File, bool Force)
{
    private const string ForceFlag = "--force";

    public static BackupArguments? Parse(string[] args)
    {
        if (args.Length < 2 || args[1].Length == 0 || args[1].StartsWith("--", StringComparison.Ordinal))
            return null;
        return new BackupArguments(Path.GetFullPath(args[1]), args.Contains(ForceFlag, StringComparer.Ordinal));
    }

    /// <summary>
    /// The arguments for the host builder, without the file and <c>--force</c>: its command-line configuration takes
    /// "/srv/lapor.db" for a switch and "--force" for a key, each swallowing the next argument as its value, which
    /// would silently drop a following <c>--Lapor:DataDirectory=…</c>.
    /// </summary>
    public static string[] ForHost(string[] args)
    {
        if (!BackupCommand.IsRequested(args) && !RestoreCommand.IsRequested(args))
            return args;
        return [args[0], .. args.Skip(2).Where(a => a != ForceFlag)];
    }
}
