namespace Lapor.Workflows.Definitions;

/// <summary>One value of an <c>enum</c> form field.</summary>
public sealed record FormFieldOption(string Id, string Name);
