namespace Lapor.Domain.Reports;

/// <summary>
/// The citizen behind a report: someone with an account, or a guest who left a name and a way to be
/// reached. When the report is anonymous these details are for the coordinator's contact only; agencies
/// and the public see <see cref="Report.PublicReporterName"/>.
/// </summary>
public sealed class Reporter
{
    public const int NameMaxLength = 100;

    private Reporter()
    {
    }

    /// <summary>The account's id; null for a guest.</summary>
    public string? UserId { get; private set; }

    /// <summary>The account's display name, or the name a guest typed.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>A guest's e-mail address; for an account it lives on the account.</summary>
    public string? Email { get; private set; }

    /// <summary>A guest's phone number as +62…; for an account it lives on the account.</summary>
    public string? Phone { get; private set; }

    public bool IsGuest => UserId is null;

    /// <summary>A reporter who is signed in; both values come from the account, not from a form.</summary>
    public static Reporter Account(string userId, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return new Reporter { UserId = userId.Trim(), Name = displayName.Trim() };
    }

    /// <summary>A reporter without an account, who must leave an e-mail address or a phone number.</summary>
    public static Validated<Reporter> Guest(string? name, string? email, string? phone)
    {
        var errors = new List<FieldError>();
        var cleanName = TextInput.Clean(name, nameof(Name), NameMaxLength, required: true, multiline: false, errors);

        string? cleanEmail = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            if (EmailAddress.TryNormalize(email, out var normalized))
            {
                cleanEmail = normalized;
            }
            else
            {
                errors.Add(ReportMessages.ForField(nameof(Email), ReportMessages.Invalid));
            }
        }

        string? cleanPhone = null;
        if (!string.IsNullOrWhiteSpace(phone))
        {
            if (IndonesianPhone.TryNormalize(phone, out var normalized))
            {
                cleanPhone = normalized;
            }
            else
            {
                errors.Add(ReportMessages.Sentence(nameof(Phone), ReportMessages.PhoneInvalid));
            }
        }

        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(phone))
        {
            errors.Add(ReportMessages.Sentence("Contact", ReportMessages.ContactRequired));
        }

        return errors.Count > 0
            ? Validated<Reporter>.Failure(errors)
            : Validated<Reporter>.Success(new Reporter { Name = cleanName!, Email = cleanEmail, Phone = cleanPhone });
    }
}
