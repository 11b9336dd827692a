using System.Text.Json.Serialization;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Serialisers generated at build time for the history details written on every task command; default options, so
/// the JSON is the same as <c>JsonSerializer.Serialize</c> without a context writes.
/// </summary>
[JsonSerializable(typeof(TaskSnapshot))]
internal sealed partial class HistoryJson : JsonSerializerContext;
