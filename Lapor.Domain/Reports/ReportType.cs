namespace Lapor.Domain.Reports;

/// <summary>What kind of report a citizen submits; the UI calls them Pengaduan, Aspirasi and Permintaan Informasi.</summary>
public enum ReportType
{
    /// <summary>Pengaduan: a complaint about a public service.</summary>
    Complaint,

    /// <summary>Aspirasi: a suggestion or an appreciation.</summary>
    Aspiration,

    /// <summary>Permintaan Informasi: a request for public information.</summary>
    InformationRequest,
}
