namespace Lapor.Host.Reports;

/// <summary>Names shared by the host and <c>workflows/lapor-pengaduan.bpmn</c>.</summary>
public static class LaporProcess
{
    public const string Key = "lapor-pengaduan";
    public const string ReporterReplied = "ReporterReplied";
    public const string ReporterConfirmed = "ReporterConfirmed";
    public const string ReportReopened = "ReportReopened";

    /// <summary>camunda:property with the citizen-readable stage (Indonesian); <c>stage.en</c> holds the English text.</summary>
    public const string StageProperty = "stage";
    public const string StagePropertyEnglish = "stage.en";

    /// <summary>camunda:property <c>reportStatus=closed</c>: reaching the element closes the report (answered).</summary>
    public const string ReportStatusProperty = "reportStatus";

    /// <summary>The coordinator's group (Inspektorat): candidate group of verification tasks.</summary>
    public const string CoordinatorGroup = "inspektorat";
}
