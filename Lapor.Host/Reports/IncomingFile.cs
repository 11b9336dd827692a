namespace Lapor.Host.Reports;

/// <summary>An uploaded attachment as the page or API received it; <see cref="Open"/> may be called more than once.</summary>
public sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<Stream> Open);
