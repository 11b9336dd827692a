namespace Lapor.Domain.Reports;

/// <summary>
/// A note officers write for each other about a report (catatan internal). Never part of the public timeline and
/// never shown to the reporter: that is what separates it from a public response. The text is kept as written,
/// since only staff who may see the report read it.
/// </summary>
public sealed class InternalNote
{
    public const int TextMaxLength = 2000;

    private InternalNote()
    {
    }

    public Guid Id { get; private set; }

    public Guid ReportId { get; private set; }

    /// <summary>The user name of the officer who wrote it.</summary>
    public string Author { get; private set; } = string.Empty;

    /// <summary>The author's agency when they wrote it, so a later reader knows who was speaking.</summary>
    public string? AgencyCode { get; private set; }

    /// <summary>The task the note was written on, when there was one.</summary>
    public string? TaskId { get; private set; }

    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset WrittenAt { get; private set; }

    public static Validated<InternalNote> Write(
        Guid reportId,
        string author,
        string? agencyCode,
        string? taskId,
        string? text,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var errors = new List<FieldError>();
        var clean = TextInput.Clean(text, "Note", TextMaxLength, required: true, multiline: true, errors);
        if (errors.Count > 0)
        {
            return Validated<InternalNote>.Failure(errors);
        }

        return Validated<InternalNote>.Success(new InternalNote
        {
            Id = Guid.NewGuid(),
            ReportId = reportId,
            Author = author.Trim(),
            AgencyCode = agencyCode,
            TaskId = taskId,
            Text = clean!,
            WrittenAt = now,
        });
    }
}
