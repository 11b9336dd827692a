namespace Lapor.Host.Inbox;

/// <summary>A person a task can be handed or delegated to, as the picker shows them.</summary>
public sealed record Colleague(string UserName, string DisplayName, string? AgencyCode);
