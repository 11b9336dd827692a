using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// The SQL text of every command EF Core runs inside <see cref="RecordAsync"/>'s flow, from EF's diagnostic events: a
/// host the test did not build its own DbContext options for can still be asked what it sent. Other tests running at
/// the same time are not recorded (the recording follows the async flow that started it).
/// </summary>
/// <remarks>
/// The subscription is made once and kept for the test run. EF's loggers remember for a while whether anyone listens;
/// the host's contexts are pooled, so a context that last ran unobserved would not report a recording's first commands
/// if listening began only with the recording.
/// </remarks>
public sealed class StatementsSent : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    private static readonly Lazy<IDisposable> Listening = new(() => DiagnosticListener.AllListeners.Subscribe(new StatementsSent()));

    /// <summary>Listening from the assembly's load, before any host builds a context that could remember otherwise.</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void ListenFromTheStart() => _ = Listening.Value;

    public static async Task<IReadOnlyList<string>> RecordAsync(Func<Task> work)
    {
        _ = Listening.Value;
        var seen = new List<string>();
        Current.Value = seen;
        try
        {
            await work();
        }
        finally
        {
            Current.Value = null;
        }
        lock (seen)
            return seen.ToList();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            listener.Subscribe(this);
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed && Current.Value is { } seen)
            lock (seen)
                seen.Add(executed.Command.CommandText);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
