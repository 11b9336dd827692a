namespace Lapor.Domain.Reports;

/// <summary>
/// The sentence a step the system took writes into the report's record. The record is data, kept in the portal's
/// main language (Bahasa Indonesia) for exports and the national feed; pages never show it, they tell the step again
/// from its kind in the reader's language (<c>Timeline.Text.*</c> in the portal's texts).
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
}
