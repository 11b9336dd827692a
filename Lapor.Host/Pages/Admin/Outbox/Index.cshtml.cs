using Lapor.Host.Delivery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Lapor.Host.Localization;

namespace Lapor.Host.Pages.Admin.Outbox;

/// <summary>Kotak keluar: whether notices go out, what failed and why; retry or discard one (administrators only, by folder).</summary>
public sealed class IndexModel(OutboxAdministration outbox, DeliverySettings settings, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "mati")]
    public bool Dead { get; set; }

    public OutboxAdministration.Counts Counts { get; private set; } = new(0, 0, 0);

    public IReadOnlyList<OutboxAdministration.Row> Rows { get; private set; } = [];

    public bool EmailOn => settings.Email.Enabled;

    public bool SmsOn => settings.Sms.Enabled;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await outbox.CountAsync(ct);
        Rows = await outbox.ListAsync(Dead, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var done = await outbox.RetryAsync(id, User.Identity!.Name!, ct);
        TempData["Notice"] = (done ? text["Outbox.Retried", id] : text["Outbox.NotFound", id]).Value;
        return RedirectToPage(new { mati = Dead });
    }

    public async Task<IActionResult> OnPostDiscardAsync(long id, string? reason, CancellationToken ct)
    {
        var done = await outbox.DiscardAsync(id, User.Identity!.Name!, reason, ct);
        TempData["Notice"] = (done ? text["Outbox.Discarded", id] : text["Outbox.NotFound", id]).Value;
        return RedirectToPage(new { mati = Dead });
    }
}
