using System.Text;
using System.Text.Encodings.Web;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Delivery;

/// <summary>
/// Writes notices from the portal's resources (<c>Notice.*</c> in PortalText), in the current UI language (the caller
/// sets the reporter's with <see cref="PortalCultures.Use"/>; staff notices are always Indonesian), as plain text
/// and as simple HTML: no images, no tracking pixels, no remote content, every value encoded. Reporter notices carry
/// the tracking link and an unsubscribe link; staff notices link the task and never carry the reporter's address.
/// </summary>
public sealed class NoticeComposer(IStringLocalizer<PortalText> text, DeliverySettings settings)
{
    public string TrackingUrl(string code) => Absolute($"/Lacak/{Uri.EscapeDataString(code)}");

    /// <param name="token">The report's <c>NoticeToken</c>: a secret, so a tracking code alone cannot silence a reporter.</param>
    public string UnsubscribeUrl(string token) => Absolute($"/Berhenti/{Uri.EscapeDataString(token)}");

    public string TaskUrl(string taskId) => Absolute($"/Tugas/{Uri.EscapeDataString(taskId)}");

    /// <param name="detail">The forward reason, the question, the answer or the reopening reason, as the timeline shows it.</param>
    public ComposedNotice ForReporter(ReporterNotice kind, string name, string code, string token, string title, string agency, string? detail)
    {
        var values = new object[] { code, title, agency, detail?.Trim() ?? "" };
        var body = Get($"Notice.Reporter.{kind}.Body", values);
        var track = TrackingUrl(code);
        var unsubscribe = UnsubscribeUrl(token);
        var plain = new StringBuilder()
            .AppendLine(Get("Notice.Greeting", name)).AppendLine()
            .AppendLine(body).AppendLine()
            .AppendLine(Get("Notice.TrackLink", track)).AppendLine()
            .AppendLine("-- ")
            .AppendLine(Get("Notice.Footer"))
            .AppendLine(Get("Notice.Unsubscribe", unsubscribe));
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
            .Append(Paragraph(Get("Notice.Greeting", name)))
            .Append(Paragraph(body))
            .Append(Paragraph(Get("Notice.TrackLink", "{0}"), track))
            .Append("<hr>")
            .Append(Paragraph(Get("Notice.Footer")))
            .Append(Paragraph(Get("Notice.Unsubscribe", "{0}"), unsubscribe))
            .Append("</body></html>");
        return new ComposedNotice($"reporter.{Slug(kind.ToString())}", Get($"Notice.Reporter.{kind}.Subject", values), plain.ToString(), html.ToString());
    }

    /// <summary>The SMS / WhatsApp text: one or two sentences with the tracking code.</summary>
    public string SmsForReporter(ReporterNotice kind, string code, string agency) =>
        Get($"Notice.Sms.{kind}", code, "", agency, "", TrackingUrl(code));

    public ComposedNotice ForStaff(StaffNotice kind, string code, string title, string agency, string taskName, string? taskId)
    {
        // Staff accounts carry no language; the province works in Indonesian.
        using var indonesian = PortalCultures.Use(PortalCultures.Indonesian);
        var values = new object[] { code, title, agency, taskName };
        var body = Get($"Notice.Staff.{kind}.Body", values);
        var link = taskId is null ? Absolute("/Tugas") : TaskUrl(taskId);
        var plain = new StringBuilder().AppendLine(body).AppendLine()
            .AppendLine(Get("Notice.Staff.TaskLink", link)).AppendLine()
            .AppendLine("-- ").AppendLine(Get("Notice.Staff.Footer"));
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
            .Append(Paragraph(body))
            .Append(Paragraph(Get("Notice.Staff.TaskLink", "{0}"), link))
            .Append("<hr>").Append(Paragraph(Get("Notice.Staff.Footer")))
            .Append("</body></html>");
        return new ComposedNotice($"staff.{Slug(kind.ToString())}", Get($"Notice.Staff.{kind}.Subject", values), plain.ToString(), html.ToString());
    }

    private string Get(string key, params object[] values) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, text[key].Value, values);

    /// <summary>An encoded paragraph; with a link, the text's "{0}" becomes the anchor, whose text is the address itself.</summary>
    private static string Paragraph(string sentence, string? link = null)
    {
        if (link is null)
            return $"<p>{HtmlEncoder.Default.Encode(sentence)}</p>";
        var at = sentence.IndexOf("{0}", StringComparison.Ordinal);
        var anchor = $"<a href=\"{HtmlEncoder.Default.Encode(link)}\">{HtmlEncoder.Default.Encode(link)}</a>";
        return $"<p>{HtmlEncoder.Default.Encode(sentence[..at])}{anchor}{HtmlEncoder.Default.Encode(sentence[(at + 3)..])}</p>";
    }

    private string Absolute(string path) => settings.PublicBaseUrl.TrimEnd('/') + path;

    private static string Slug(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
