namespace Lapor.Workflows.ServiceTasks;

/// <summary>One handler name → type pair, registered in DI by <c>AddServiceTask</c>.</summary>
public sealed record ServiceTaskRegistration(string Name, Type HandlerType);
