namespace Lapor.Domain.Reports;

/// <summary>
/// The verdict of <see cref="AttachmentRules.Check"/> on one uploaded file. When allowed it carries the
/// safe display name and the content type the file really has, which the host stores instead of what
/// the browser claimed.
/// </summary>
public sealed record AttachmentCheck(string SafeFileName, string? ContentType, string? Extension, FieldError? Error)
{
    public bool IsAllowed => Error is null;
}
