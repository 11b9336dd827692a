namespace Lapor.Host.Reports;

public sealed record PublicAttachment(Guid Id, string FileName, string ContentType, long SizeBytes);
