namespace Lapor.Host.Operations;

/// <summary>
/// How the host refuses to start: one line per problem on standard error and exit code 1, no stack trace, so what an
/// operator reads (a terminal, journalctl, a container log) names the setting to fix.
/// </summary>
public static class StartupRefusal
{
    public static void Refuse(IEnumerable<string> problems, TextWriter? error = null)
    {
        error ??= Console.Error;
        foreach (var problem in problems)
            error.WriteLine(OneLine(problem));
        error.Flush();
        Environment.ExitCode = 1;
    }

    // A message quoted from a parser or Identity may carry line breaks; the rule is one line per problem.
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
