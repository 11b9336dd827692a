namespace Lapor.Workflows.Decisions.Feel;

/// <summary>A FEEL text that cannot be read: the message says where and what was expected.</summary>
public sealed class FeelException(string message) : Exception(message);
