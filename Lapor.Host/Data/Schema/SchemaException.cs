namespace Lapor.Host.Data.Schema;

/// <summary>The database is in a state Lapor will not migrate; the message says what was found and what to do.</summary>
public sealed class SchemaException(string message) : Exception(message);
