using System.Globalization;

namespace Lapor.Domain.Reports;

/// <summary>
/// The sentences of the steps the system takes, in the portal's main language (Bahasa Indonesia), for exports and the
/// national feed. The timeline stores only the kind and the step's value; pages tell the step again from its kind in
/// the reader's language (<c>Timeline.Text.*</c> in the portal's texts).
/// </summary>
internal static class TimelineRecord
{
    public const string Submitted = "Laporan diterima.";
    public const string Disposed = "Laporan didisposisikan kepada instansi yang berwenang.";
    public const string AwaitingConfirmation = "Laporan sudah ditanggapi dan menunggu konfirmasi pelapor.";
    public const string Closed = "Laporan ditutup.";
    public const string DuplicateLinked =
        "Laporan serupa dari pelapor lain digabung dengan laporan ini; jawabannya juga diteruskan kepada pelapor tersebut.";

    public static string Rated(int stars) => $"Pelapor memberi penilaian {stars} dari 5.";

    public static string MergedInto(string code) =>
        $"Laporan ini digabung dengan laporan {code} tentang masalah yang sama. Jawaban atas laporan {code} akan diteruskan kepada Anda.";

    /// <summary>
    /// The step's sentence: the system's own from the kind and value, else what was stored (a person's words, or a
    /// sentence an older release stored whole).
    /// </summary>
    public static string Tell(TimelineEntryKind kind, string? text) => (kind, text) switch
    {
        (TimelineEntryKind.Submitted, null) => Submitted,
        (TimelineEntryKind.Disposed, null) => Disposed,
        (TimelineEntryKind.AwaitingConfirmation, null) => AwaitingConfirmation,
        (TimelineEntryKind.Closed, null) => Closed,
        (TimelineEntryKind.DuplicateLinked, null) => DuplicateLinked,
        (TimelineEntryKind.Rated, _) when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var stars) => Rated(stars),
        (TimelineEntryKind.MergedInto, _) when TrackingCode.TryParse(text, out var code) => MergedInto(code.ToString()),
        _ => text ?? string.Empty,
    };
}
