using Lapor.Domain.Reports;

namespace Lapor.Host.Localization;

/// <summary>
/// The citizen-readable stages of the complaint process in the order its file lists them, with their English
/// wording. A report stores its stage in Indonesian (the <c>stage</c> property); English comes from <c>stage.en</c>.
/// </summary>
/// <param name="InitialLabel">What to show for <see cref="Report.InitialStage"/>, a key rather than words.</param>
public sealed record StageLabels(IReadOnlyList<string> Stages, IReadOnlyDictionary<string, string> English, string InitialLabel)
{
    /// <summary>The stage in the visitor's language; as stored when the process gives no English for it.</summary>
    public string Show(string stage) =>
        stage == Report.InitialStage ? InitialLabel
        : PortalCultures.IsEnglish && English.TryGetValue(stage, out var english) ? english
        : stage;
}
