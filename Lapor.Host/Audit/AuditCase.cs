using Lapor.Domain.Reports;

namespace Lapor.Host.Audit;

/// <summary>A case an auditor looks at: its process instance and, when it is a complaint, the report it runs for.</summary>
public sealed record AuditCase(string InstanceId, Report? Report, bool Escalated);
