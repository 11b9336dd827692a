using Lapor.Host.Reports;
using Lapor.Workflows.Runtime;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Localization;

/// <summary>
/// Reads the stage names out of every published version of the complaint process, so the portal's stage filter and
/// English labels follow the process file a coordinator edits, not a list in code.
/// </summary>
public sealed class ProcessStages(ProcessDesigns designs, ProcessQueries queries, IStringLocalizer<PortalText> text)
{
    private StageLabels? _loaded;

    public async Task<StageLabels> LoadAsync(CancellationToken ct = default)
    {
        if (_loaded is not null)
            return _loaded;
        var definitionIds = (await designs.VersionsAsync(LaporProcess.Key, ct)).OrderBy(v => v.Version).Select(v => v.DefinitionId).ToList();
        var stages = new List<string>();
        var english = new Dictionary<string, string>(StringComparer.Ordinal);
        // Older versions first, so the latest wording wins while stages that were renamed stay readable.
        foreach (var id in definitionIds)
        {
            var elements = await queries.ElementPropertiesAsync(id, LaporProcess.StageProperty, ct);
            foreach (var properties in elements.Values)
            {
                var stage = properties[LaporProcess.StageProperty];
                if (!stages.Contains(stage, StringComparer.Ordinal))
                    stages.Add(stage);
                if (properties.TryGetValue(LaporProcess.StagePropertyEnglish, out var en) && en.Length > 0)
                    english[stage] = en;
            }
        }
        // A report carries the initial key only until its process reports its first stage.
        return _loaded = new StageLabels(stages, english, text["Stage.Initial"].Value);
    }
}
