using Lapor.Domain.Reports;

namespace Lapor.Host.Tasks;

/// <summary>The outcome of a task action; the page turns each kind into a status code or a message.</summary>
public enum TaskActionStatus
{
    Done,

    /// <summary>Unknown task, or one this user may not see: the same answer, so ids cannot be probed.</summary>
    NotFound,

    /// <summary>The user sees the task but may not do this to it (auditor, not the assignee…).</summary>
    Forbidden,

    /// <summary>Bad input; <see cref="TaskActionResult.Errors"/> names each field. Nothing was changed.</summary>
    Invalid,

    /// <summary>Someone else acted first (claimed, completed); nothing was changed.</summary>
    Conflict,
}

public sealed record TaskActionResult(TaskActionStatus Status, IReadOnlyList<FieldError> Errors)
{
    public static readonly TaskActionResult Done = new(TaskActionStatus.Done, []);
    public static readonly TaskActionResult NotFound = new(TaskActionStatus.NotFound, []);
    public static readonly TaskActionResult Forbidden = new(TaskActionStatus.Forbidden, []);

    public static TaskActionResult Invalid(IReadOnlyList<FieldError> errors) => new(TaskActionStatus.Invalid, errors);

    public static TaskActionResult Invalid(string field, string key, params object?[] args) => new(TaskActionStatus.Invalid, [new FieldError(field, key, args)]);

    public static TaskActionResult Conflict(string key, params object?[] args) => new(TaskActionStatus.Conflict, [new FieldError("", key, args)]);
}
