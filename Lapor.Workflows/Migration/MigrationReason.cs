using System.Globalization;

namespace Lapor.Workflows.Migration;

/// <summary>
/// Why an instance cannot move: <see cref="Message"/> in English (logs, errors), <see cref="Code"/> and
/// <see cref="Arguments"/> (element ids among them) for a host to say it in its own words with step names.
/// </summary>
public sealed record MigrationReason(string Code, string Message, IReadOnlyList<string> Arguments)
{
    public static MigrationReason Of(string code, string format, params string[] arguments) =>
        new(code, string.Format(CultureInfo.InvariantCulture, format, arguments), arguments);

    public override string ToString() => Message;
}
