namespace Lapor.Domain.Agencies;

/// <summary>What sort of government body an agency is; decides how it appears in pickers and figures.</summary>
public enum AgencyKind
{
    /// <summary>An OPD of the province: dinas, badan, satuan, provincial hospital, Inspektorat.</summary>
    ProvincialAgency,

    /// <summary>A kabupaten government, a forwarding target.</summary>
    Regency,

    /// <summary>A kota government, a forwarding target.</summary>
    City,

    /// <summary>A ministry, national agency, state enterprise or vertical office.</summary>
    CentralInstitution,

    /// <summary>An external overseer such as the Ombudsman.</summary>
    Oversight,
}
