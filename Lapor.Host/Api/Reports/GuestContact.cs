namespace Lapor.Host.Api.Reports;

public sealed record GuestContact(string? Name, string? Email, string? Phone);
