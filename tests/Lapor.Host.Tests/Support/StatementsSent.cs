using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// The SQL text of every command EF Core runs inside <see cref="RecordAsync"/>'s flow, from EF's diagnostic events: a
/// host the test did not build its own DbContext options for can still be asked what it sent. Other tests running at
/// the same time are not recorded (the recording follows the async flow that started it).
/// </summary>
public sealed class StatementsSent : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    // The subscriptions to EF's listeners, ended with the recording so no observer outlives it.
    private readonly List<IDisposable> _listening = [];

    public static async Task<IReadOnlyList<string>> RecordAsync(Func<Task> work)
    {
        var seen = new List<string>();
        var recorder = new StatementsSent();
        using (DiagnosticListener.AllListeners.Subscribe(recorder))
        {
            Current.Value = seen;
            try
            {
                await work();
            }
            finally
            {
                Current.Value = null;
                lock (recorder._listening)
                    recorder._listening.ForEach(s => s.Dispose());
            }
        }
        lock (seen)
            return seen.ToList();
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            lock (_listening)
                _listening.Add(listener.Subscribe(this));
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
