namespace Lapor.Host.Tests.Support;

/// <summary>The Modeler-made BPMN files under <c>EngineRest/Bpmn</c>, copied next to the test binaries.</summary>
public static class BpmnFiles
{
    public const string IzinKeramaian = "izin-keramaian.bpmn";
    public const string TindakLanjutLaporan = "tindak-lanjut-laporan.bpmn";
    public const string PemberitahuanSms = "pemberitahuan-sms.bpmn";

    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "EngineRest", "Bpmn", fileName));
}
