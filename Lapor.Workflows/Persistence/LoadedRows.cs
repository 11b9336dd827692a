using Lapor.Workflows.History;

namespace Lapor.Workflows.Persistence;

/// <summary>An instance as a command loads it: the row and, unless its chain has not started, the chain head.</summary>
internal sealed record LoadedInstance(ProcessInstanceRow Instance, HistoryChainRow? Head);

/// <summary>A task as a task command loads it, with what <see cref="LoadedInstance"/> holds (null if the instance is gone).</summary>
internal sealed record LoadedTask(TaskRow Task, ProcessInstanceRow? Instance, HistoryChainRow? Head);
