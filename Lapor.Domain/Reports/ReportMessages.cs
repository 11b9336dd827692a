using System.Collections.Frozen;
using System.Globalization;

namespace Lapor.Domain.Reports;

/// <summary>
/// Every sentence the domain shows to people, in Bahasa Indonesia (the default) and English, so the host
/// can localize from one place. Field labels are keyed <c>label.{Field}</c>; templates take the label as
/// <c>{0}</c>.
/// </summary>
public static class ReportMessages
{
    public const string DefaultCulture = "id";

    // Templates; {0} is the field label.
    public const string Required = "required";
    public const string RequiredChoice = "required-choice";
    public const string TooLong = "too-long";
    public const string ControlCharacters = "control-characters";
    public const string Markup = "markup";
    public const string Invalid = "invalid";
    public const string UnknownCode = "unknown-code";
    public const string DateInFuture = "date-in-future";
    public const string OutOfRange = "out-of-range";

    // Whole sentences.
    public const string CoordinatesIncomplete = "coordinates-incomplete";
    public const string ContactRequired = "contact-required";
    public const string PhoneInvalid = "phone-invalid";
    public const string ReportClosed = "report-closed";
    public const string NotAwaitingConfirmation = "not-awaiting-confirmation";
    public const string AlreadyRated = "already-rated";
    public const string AlreadyDisposed = "already-disposed";
    public const string SameAgency = "same-agency";
    public const string AttachmentTypeNotAllowed = "attachment-type-not-allowed";
    public const string AttachmentEmpty = "attachment-empty";
    public const string AttachmentTooLarge = "attachment-too-large";
    public const string AttachmentContentMismatch = "attachment-content-mismatch";
    public const string AttachmentTooMany = "attachment-too-many";
    public const string DuplicateOfItself = "duplicate-of-itself";
    public const string DuplicateAlready = "duplicate-already";
    public const string DuplicatePrimaryIsDuplicate = "duplicate-primary-is-duplicate";
    public const string DuplicatePrimaryConfidential = "duplicate-primary-confidential";
    public const string DuplicatePrimaryClosed = "duplicate-primary-closed";

    // Words and timeline texts.
    public const string AnonymousName = "anonymous-name";
    public const string Redacted = "redacted";
    public const string TimelineSubmitted = "timeline-submitted";
    public const string TimelineDisposed = "timeline-disposed";
    public const string TimelineAwaitingConfirmation = "timeline-awaiting-confirmation";
    public const string TimelineClosed = "timeline-closed";
    public const string TimelineRated = "timeline-rated";
    public const string TimelineMergedInto = "timeline-merged-into";
    public const string TimelineDuplicateLinked = "timeline-duplicate-linked";

    private static readonly FrozenDictionary<string, (string Id, string En)> Texts = new Dictionary<string, (string, string)>
    {
        [Required] = ("{0} wajib diisi.", "{0} is required."),
        [RequiredChoice] = ("{0} wajib dipilih.", "{0} must be chosen."),
        [TooLong] = ("{0} paling banyak {1} karakter.", "{0} must be at most {1} characters."),
        [ControlCharacters] = ("{0} berisi karakter yang tidak diizinkan.", "{0} contains characters that are not allowed."),
        [Markup] = ("{0} tidak boleh berisi tag HTML atau kode skrip.", "{0} must not contain HTML tags or script code."),
        [Invalid] = ("{0} tidak valid.", "{0} is not valid."),
        [UnknownCode] = ("{0} tidak dikenal.", "{0} is not recognised."),
        [DateInFuture] = ("{0} tidak boleh melewati hari ini.", "{0} cannot be in the future."),
        [OutOfRange] = ("{0} harus antara {1} dan {2}.", "{0} must be between {1} and {2}."),

        [CoordinatesIncomplete] = (
            "Isi lintang dan bujur sekaligus, atau kosongkan keduanya.",
            "Fill in both latitude and longitude, or leave both empty."),
        [ContactRequired] = (
            "Isi email atau nomor telepon agar kami dapat menghubungi Anda.",
            "Give an email address or a phone number so that we can reach you."),
        [PhoneInvalid] = (
            "Nomor telepon tidak valid. Contoh: 0812 3456 7890 atau +62 812 3456 7890.",
            "The phone number is not valid. Example: 0812 3456 7890 or +62 812 3456 7890."),
        [ReportClosed] = ("Laporan sudah ditutup.", "The report is already closed."),
        [NotAwaitingConfirmation] = (
            "Laporan tidak sedang menunggu konfirmasi pelapor.",
            "The report is not waiting for the reporter's confirmation."),
        [AlreadyRated] = ("Laporan ini sudah dinilai.", "This report has already been rated."),
        [AlreadyDisposed] = (
            "Laporan sudah didisposisikan; pindahkan dengan meneruskannya beserta alasan.",
            "The report has already been assigned; move it by forwarding it with a reason."),
        [SameAgency] = ("Laporan sudah berada di instansi ini.", "The report is already with this institution."),
        [AttachmentTypeNotAllowed] = (
            "Lampiran \"{0}\": jenis berkas tidak diizinkan. Gunakan JPG, PNG, PDF, DOCX atau MP4.",
            "Attachment \"{0}\": this type of file is not allowed. Use JPG, PNG, PDF, DOCX or MP4."),
        [AttachmentEmpty] = ("Lampiran \"{0}\": berkas kosong.", "Attachment \"{0}\": the file is empty."),
        [AttachmentTooLarge] = (
            "Lampiran \"{0}\": ukuran berkas paling besar {1} MB.",
            "Attachment \"{0}\": the file may be at most {1} MB."),
        [AttachmentContentMismatch] = (
            "Lampiran \"{0}\": isi berkas bukan {1} seperti namanya. Unggah berkas {1} yang asli.",
            "Attachment \"{0}\": the content is not the {1} its name says. Upload a genuine {1} file."),
        [AttachmentTooMany] = ("Lampiran paling banyak {0} berkas.", "At most {0} files can be attached."),
        [DuplicateOfItself] = ("Laporan tidak dapat ditautkan ke dirinya sendiri.", "A report cannot be linked to itself."),
        [DuplicateAlready] = (
            "Laporan ini sudah ditautkan sebagai duplikat laporan lain.",
            "This report is already linked as a duplicate of another report."),
        [DuplicatePrimaryIsDuplicate] = (
            "Laporan {0} sendiri adalah duplikat; tautkan ke laporan utamanya.",
            "Report {0} is itself a duplicate; link to its primary report instead."),
        [DuplicatePrimaryConfidential] = (
            "Laporan {0} bersifat rahasia dan tidak dapat menjadi laporan utama.",
            "Report {0} is confidential and cannot be the primary report."),
        [DuplicatePrimaryClosed] = ("Laporan {0} sudah ditutup.", "Report {0} is already closed."),

        [AnonymousName] = ("Anonim", "Anonymous"),
        [Redacted] = ("[disamarkan]", "[redacted]"),
        [TimelineSubmitted] = ("Laporan diterima.", "The report was received."),
        [TimelineDisposed] = (
            "Laporan didisposisikan kepada instansi yang berwenang.",
            "The report was assigned to the responsible institution."),
        [TimelineAwaitingConfirmation] = (
            "Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.",
            "The report has been answered and waits for the reporter's confirmation."),
        [TimelineClosed] = ("Laporan ditutup.", "The report was closed."),
        [TimelineRated] = ("Pelapor memberi penilaian {0} dari 5.", "The reporter rated the handling {0} out of 5."),
        [TimelineMergedInto] = (
            "Laporan ini digabung dengan laporan {0} tentang masalah yang sama. Jawaban atas laporan {0} akan diteruskan kepada Anda.",
            "This report was joined to report {0} about the same matter. The answer to report {0} will be passed on to you."),
        [TimelineDuplicateLinked] = (
            "Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.",
            "A similar report from another reporter was joined to this one; its reporter receives the answer too."),

        ["label.Type"] = ("Jenis laporan", "Report type"),
        ["label.Title"] = ("Judul", "Title"),
        ["label.Description"] = ("Isi laporan", "Description"),
        ["label.IncidentDate"] = ("Tanggal kejadian", "Date of the incident"),
        ["label.Location"] = ("Lokasi", "Location"),
        ["label.Latitude"] = ("Lintang", "Latitude"),
        ["label.Longitude"] = ("Bujur", "Longitude"),
        ["label.CategoryCode"] = ("Kategori", "Category"),
        ["label.TargetAgencyCode"] = ("Instansi tujuan", "Target institution"),
        ["label.AgencyCode"] = ("Instansi", "Institution"),
        ["label.Name"] = ("Nama", "Name"),
        ["label.Email"] = ("Email", "Email"),
        ["label.Phone"] = ("Nomor telepon", "Phone number"),
        ["label.Reason"] = ("Alasan", "Reason"),
        ["label.PublicText"] = ("Keterangan", "Note"),
        ["label.Text"] = ("Tanggapan", "Response"),
        ["label.Reply"] = ("Balasan", "Reply"),
        ["label.Question"] = ("Pertanyaan untuk pelapor", "Question for the reporter"),
        ["label.Explanation"] = ("Keterangan untuk pelapor", "Explanation for the reporter"),
        ["label.Note"] = ("Catatan internal", "Internal note"),
        ["label.Stars"] = ("Penilaian", "Rating"),
        ["label.Comment"] = ("Komentar", "Comment"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every key, so the host can check its own translations against this list.</summary>
    public static IEnumerable<string> Keys => Texts.Keys;

    /// <summary>The text for <paramref name="key"/>; <paramref name="culture"/> may be "id", "en", "en-US"…; anything else gets Indonesian.</summary>
    public static string Get(string key, string culture = DefaultCulture)
    {
        if (!Texts.TryGetValue(key, out var text))
        {
            throw new ArgumentException($"There is no message '{key}'.", nameof(key));
        }

        return IsEnglish(culture) ? text.En : text.Id;
    }

    public static string Format(string key, string culture, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key, culture), args);

    /// <summary>The label people see for an input field; the field name itself when there is none.</summary>
    public static string Label(string field, string culture = DefaultCulture) =>
        Texts.ContainsKey("label." + field) ? Get("label." + field, culture) : field;

    /// <summary>A field error whose template gets the field's label first, then <paramref name="args"/>.</summary>
    internal static FieldError ForField(string field, string key, string culture, params object?[] args) =>
        new(field, Format(key, culture, [Label(field, culture), .. args]));

    internal static FieldError Sentence(string field, string key, string culture, params object?[] args) =>
        new(field, Format(key, culture, args));

    private static bool IsEnglish(string? culture) =>
        culture is not null
        && (culture.Equals("en", StringComparison.OrdinalIgnoreCase)
            || culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase));
}
