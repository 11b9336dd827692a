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
    public IReadOnlyList<FieldError> Validate(DateOnly today, string culture = ReportMessages.DefaultCulture) =>
        Clean(today, culture).Errors;

    /// <summary>The draft with every text trimmed and normalised, and the problems found on the way.</summary>
    internal (ReportDraft Draft, List<FieldError> Errors) Clean(DateOnly today, string culture)
    {
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(Type))
        {
            errors.Add(ReportMessages.ForField(nameof(Type), ReportMessages.Invalid, culture));
        }

        var title = TextInput.Clean(Title, nameof(Title), TitleMaxLength, required: true, multiline: false, culture, errors);
        var description = TextInput.Clean(Description, nameof(Description), DescriptionMaxLength, required: true, multiline: true, culture, errors);
        var location = TextInput.Clean(Location, nameof(Location), LocationMaxLength, required: false, multiline: false, culture, errors);

        if (IncidentDate > today)
        {
            errors.Add(ReportMessages.ForField(nameof(IncidentDate), ReportMessages.DateInFuture, culture));
        }
        else if (IncidentDate < EarliestIncidentDate)
        {
            errors.Add(ReportMessages.ForField(nameof(IncidentDate), ReportMessages.Invalid, culture));
        }

        CheckCoordinates(culture, errors);
        var category = CleanCode(CategoryCode, nameof(CategoryCode), required: true, culture, errors);
        var target = CleanCode(TargetAgencyCode, nameof(TargetAgencyCode), required: false, culture, errors);

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

    private void CheckCoordinates(string culture, List<FieldError> errors)
    {
        if (Latitude.HasValue != Longitude.HasValue)
        {
            var missing = Latitude.HasValue ? nameof(Longitude) : nameof(Latitude);
            errors.Add(ReportMessages.Sentence(missing, ReportMessages.CoordinatesIncomplete, culture));
            return;
        }

        CheckRange(Latitude, nameof(Latitude), 90, culture, errors);
        CheckRange(Longitude, nameof(Longitude), 180, culture, errors);
    }

    private static void CheckRange(double? value, string field, int limit, string culture, List<FieldError> errors)
    {
        if (value is { } number && (!double.IsFinite(number) || Math.Abs(number) > limit))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.OutOfRange, culture, -limit, limit));
        }
    }

    // The catalogue is the host's; here a code only needs the right shape. The host checks it exists.
    private static string? CleanCode(string? raw, string field, bool required, string culture, List<FieldError> errors)
    {
        var code = raw?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
        {
            if (required)
            {
                errors.Add(ReportMessages.ForField(field, ReportMessages.RequiredChoice, culture));
            }

            return null;
        }

        if (!CatalogueCode.IsWellFormed(code))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.UnknownCode, culture));
            return null;
        }

        return code;
    }
}
