using System.Text.Json;
using Lapor.Host.Audit;
using Lapor.Host.Audit.Viewer;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Audit;

/// <summary>
/// The instance viewer: the diagram of the version the case ran on with its path, tokens, counts and incidents, and
/// beside it the journal of every step with filters. Read-only; the Ombudsman sees escalated cases only.
/// </summary>
public sealed class CaseModel(CaseLocator cases, InstanceViews views, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    /// <summary>The form on the audit start page sends <c>?kasus=</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "kasus")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public string? Group { get; set; }

    [BindProperty(SupportsGet = true, Name = "aktor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "simpul")]
    public string? Node { get; set; }

    public AuditCase Case { get; private set; } = null!;

    public InstanceView View { get; private set; } = null!;

    public IReadOnlyList<JournalStep> Steps { get; private set; } = [];

    public string DiagramJson { get; private set; } = "{}";

    public static readonly IReadOnlyList<string> Groups = ["activity", "task", "variable", "operation", "incident", "instance"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Key) && !string.IsNullOrWhiteSpace(Query))
            return Redirect("/Audit/Kasus/" + Uri.EscapeDataString(Query.Trim()));
        var found = await cases.FindForAsync(User, Key, ct);
        if (found is null || await views.LoadAsync(found.InstanceId, ct) is not { } view)
            return NotFound();
        Case = found;
        View = view;
        Steps = view.Journal.Where(s =>
                (string.IsNullOrEmpty(Group) || s.Group == Group)
                && (string.IsNullOrWhiteSpace(Actor) || (s.Actor ?? "").Contains(Actor.Trim(), StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrWhiteSpace(Node) || s.NodeId == Node.Trim()))
            .ToList();
        DiagramJson = JsonSerializer.Serialize(new
        {
            xml = view.Xml,
            completed = view.CompletedNodes,
            active = view.ActiveNodes,
            flows = view.TakenFlows,
            counts = view.Nodes.ToDictionary(n => n.Key, n => new { entered = n.Value.Entered, completed = n.Value.Completed, waiting = n.Value.Waiting }),
            incidents = view.Incidents.Select(i => new { activityId = i.ActivityId, message = i.Message, open = i.Open }),
            labels = new { entered = text["Audit.Case.Entered"].Value, completed = text["Audit.Case.CompletedCount"].Value, waiting = text["Audit.Case.Waiting"].Value },
        }).Replace("</", "<\\/", StringComparison.Ordinal);
        return Page();
    }
}
