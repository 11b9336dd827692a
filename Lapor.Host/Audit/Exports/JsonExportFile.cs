using System.Text.Json;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// JSON in the one-case export's shape (<see cref="AuditExport"/>: the header's fields, then <c>cases</c>), written a
/// case at a time so a period of any size never sits in memory whole.
/// </summary>
public sealed class JsonExportFile : ExportFile
{
    private readonly Utf8JsonWriter writer;

    public JsonExportFile(Stream output, Header header)
    {
        var options = ExportFormats.Json;
        writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = options.WriteIndented, Encoder = options.Encoder });
        writer.WriteStartObject();
        Property(nameof(AuditExport.ExportedAt), header.ExportedAt);
        Property(nameof(AuditExport.ExportedBy), header.ExportedBy);
        Property(nameof(AuditExport.Scope), header.Scope);
        Property(nameof(AuditExport.ReporterRevealed), header.ReporterRevealed);
        Property(nameof(AuditExport.RevealReason), header.RevealReason);
        writer.WritePropertyName(Name(nameof(AuditExport.Cases)));
        writer.WriteStartArray();
    }

    public override async Task<int> AddAsync(IReadOnlyList<CaseExport> cases, CancellationToken ct)
    {
        foreach (var c in cases)
            JsonSerializer.Serialize(writer, c, ExportFormats.Json);
        await writer.FlushAsync(ct);
        return cases.Count;
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
        await writer.DisposeAsync();
    }

    private void Property<T>(string name, T value)
    {
        writer.WritePropertyName(Name(name));
        JsonSerializer.Serialize(writer, value, ExportFormats.Json);
    }

    private static string Name(string property) => ExportFormats.Json.PropertyNamingPolicy?.ConvertName(property) ?? property;
}
