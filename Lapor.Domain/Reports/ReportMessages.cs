namespace Lapor.Domain.Reports;

/// <summary>
/// The names of the sentences the domain refuses input with. They are keys of the host's portal texts
/// (<c>PortalText.resx</c>, Indonesian, and <c>PortalText.en.resx</c>): the domain says which sentence and with what
/// values, and the host writes it in the reader's language. Templates keyed <c>Check.*</c> that concern one input get
/// that input's label (<see cref="FieldLabel"/>, keyed <c>Field.{Name}</c>) as <c>{0}</c>.
/// </summary>
public static class ReportMessages
{
    // Templates; {0} is the field label.
    public const string Required = "Check.Required";
    public const string RequiredChoice = "Check.RequiredChoice";
    public const string TooLong = "Check.TooLong";
    public const string ControlCharacters = "Check.ControlCharacters";
    public const string Markup = "Check.Markup";
    public const string Invalid = "Check.Invalid";
    public const string UnknownCode = "Check.UnknownCode";
    public const string DateInFuture = "Check.DateInFuture";
    public const string OutOfRange = "Check.OutOfRange";

    // Whole sentences.
    public const string CoordinatesIncomplete = "Check.CoordinatesIncomplete";
    public const string ContactRequired = "Check.ContactRequired";
    public const string PhoneInvalid = "Check.PhoneInvalid";
    public const string ReportClosed = "Check.ReportClosed";
    public const string NotAwaitingConfirmation = "Check.NotAwaitingConfirmation";
    public const string AlreadyRated = "Check.AlreadyRated";
    public const string AlreadyDisposed = "Check.AlreadyDisposed";
    public const string SameAgency = "Check.SameAgency";
    public const string AttachmentTypeNotAllowed = "Check.AttachmentTypeNotAllowed";
    public const string AttachmentEmpty = "Check.AttachmentEmpty";
    public const string AttachmentTooLarge = "Check.AttachmentTooLarge";
    public const string AttachmentContentMismatch = "Check.AttachmentContentMismatch";
    public const string AttachmentTooMany = "Check.AttachmentTooMany";
    public const string DuplicateOfItself = "Check.DuplicateOfItself";
    public const string DuplicateAlready = "Check.DuplicateAlready";
    public const string DuplicatePrimaryIsDuplicate = "Check.DuplicatePrimaryIsDuplicate";
    public const string DuplicatePrimaryConfidential = "Check.DuplicatePrimaryConfidential";
    public const string DuplicatePrimaryClosed = "Check.DuplicatePrimaryClosed";

    /// <summary>Every input the domain names in a refusal; each has a label <c>Field.{Name}</c> in the portal texts.</summary>
    public static readonly IReadOnlyList<string> LabelledFields =
    [
        "Type", "Title", "Description", "IncidentDate", "Location", "Latitude", "Longitude", "CategoryCode",
        "TargetAgencyCode", "AgencyCode", "Name", "Email", "Phone", "Reason", "PublicText", "Text", "Reply", "Question",
        "Explanation", "Note", "Stars", "Comment",
    ];

    /// <summary>A refusal whose template gets the field's label first, then <paramref name="args"/>.</summary>
    public static FieldError ForField(string field, string key, params object?[] args) =>
        new(field, key, [new FieldLabel(field), .. args]);

    internal static FieldError Sentence(string field, string key, params object?[] args) => new(field, key, args);
}
