namespace Lapor.Workflows.History;

/// <summary>How an activity ended, the value of its <see cref="HistoryEventKind.ActivityEnded"/> row.</summary>
public static class ActivityEndings
{
    public const string Completed = "completed";

    /// <summary>Interrupted: a boundary event fired, the instance was cancelled or the token was moved away.</summary>
    public const string Canceled = "canceled";
}
