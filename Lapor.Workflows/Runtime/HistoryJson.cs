using System.Text.Json.Serialization;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Serialisers generated at build time for the history details written on every task command. Null facts are left
/// out (a task's absent owner, delegation, follow-up...): every task writes its snapshot twice, and reading it back
/// gives null for a missing property all the same (decision 028).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TaskSnapshot))]
internal sealed partial class HistoryJson : JsonSerializerContext;
