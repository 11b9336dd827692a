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

    /// <summary>
    /// camunda:property <c>reportStatus=awaiting-confirmation</c> on a wait: the report is answered and waits for the
    /// reporter to confirm or reopen. The process ending closes it.
    /// </summary>
    public const string ReportStatusProperty = "reportStatus";

    public const string AwaitingConfirmation = "awaiting-confirmation";

    /// <summary>What versions published before the reporter's confirmation had a status of its own put on the same wait.</summary>
    public const string LegacyClosed = "closed";

    /// <summary>The coordinator's group (Inspektorat): candidate group of verification tasks.</summary>
    public const string CoordinatorGroup = "inspektorat";
}
