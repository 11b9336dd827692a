using Lapor.Domain.Catalogue;

namespace Lapor.Domain.Reports;

/// <summary>
/// What a citizen typed into the report form, before any of it is trusted. <see cref="Report.Submit"/>
/// turns it into a report or into per-field errors.
/// </summary>
public sealed record ReportDraft
{
    public const int TitleMaxLength = 150;
    public const int DescriptionMaxLength = 5000;
    public const int LocationMaxLength = 300;

    // Dates before this are typing mistakes (a year of 0024), not old grievances.
    private static readonly DateOnly EarliestIncidentDate = new(1900, 1, 1);

    public ReportType Type { get; init; } = ReportType.Complaint;

    public string? Title { get; init; }

    /// <summary>The chronology: what happened, when, where, who was involved.</summary>
    public string? Description { get; init; }

    public DateOnly? IncidentDate { get; init; }

    public string? Location { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? CategoryCode { get; init; }

    /// <summary>The institution the reporter thinks is responsible; a suggestion for the coordinator.</summary>
    public string? TargetAgencyCode { get; init; }

    public bool IsAnonymous { get; init; }

    public bool IsConfidential { get; init; }

    /// <summary>
    /// Every problem with the draft, for showing them all at once (together with the guest's contact
    /// errors) before submitting. <paramref name="today"/> is the reporter's calendar date.
    /// </summary>
    public IReadOnlyList<FieldError> Validate(DateOnly today) =>
        Clean(today).Errors;

    /// <summary>The draft with every text trimmed and normalised, and the problems found on the way.</summary>
    internal (ReportDraft Draft, List<FieldError> Errors) Clean(DateOnly today)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Type))
        {
            errors.Add(ReportMessages.ForField(nameof(Type), ReportMessages.Invalid));
        }

        var title = TextInput.Clean(Title, nameof(Title), TitleMaxLength, required: true, multiline: false, errors);
        var description = TextInput.Clean(Description, nameof(Description), DescriptionMaxLength, required: true, multiline: true, errors);
        var location = TextInput.Clean(Location, nameof(Location), LocationMaxLength, required: false, multiline: false, errors);

        if (IncidentDate > today)
        {
            errors.Add(ReportMessages.ForField(nameof(IncidentDate), ReportMessages.DateInFuture));
        }
        else if (IncidentDate < EarliestIncidentDate)
        {
            errors.Add(ReportMessages.ForField(nameof(IncidentDate), ReportMessages.Invalid));
        }

        CheckCoordinates(errors);
        var category = CleanCode(CategoryCode, nameof(CategoryCode), required: true, errors);
        var target = CleanCode(TargetAgencyCode, nameof(TargetAgencyCode), required: false, errors);

        var cleaned = this with
        {
            Title = title,
            Description = description,
            Location = location,
            CategoryCode = category,
            TargetAgencyCode = target,
        };
        return (cleaned, errors);
    }

    private void CheckCoordinates(List<FieldError> errors)
    {
        if (Latitude.HasValue != Longitude.HasValue)
        {
            var missing = Latitude.HasValue ? nameof(Longitude) : nameof(Latitude);
            errors.Add(ReportMessages.Sentence(missing, ReportMessages.CoordinatesIncomplete));
            return;
        }

        CheckRange(Latitude, nameof(Latitude), 90, errors);
        CheckRange(Longitude, nameof(Longitude), 180, errors);
    }

    private static void CheckRange(double? value, string field, int limit, List<FieldError> errors)
    {
        if (value is { } number && (!double.IsFinite(number) || Math.Abs(number) > limit))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.OutOfRange, -limit, limit));
        }
    }

    // The catalogue is the host's; here a code only needs the right shape. The host checks it exists.
    private static string? CleanCode(string? raw, string field, bool required, List<FieldError> errors)
    {
        var code = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
        {
            if (required)
            {
                errors.Add(ReportMessages.ForField(field, ReportMessages.RequiredChoice));
            }

            return null;
        }

        if (!CatalogueCode.IsWellFormed(code))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.UnknownCode));
            return null;
        }

        return code;
    }
}
