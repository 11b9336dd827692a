namespace Lapor.Host.Tests.Reports;

/// <summary>The database store on SQLite (chosen in settings): content written through SQLite's blob API.</summary>
[Collection(AttachmentStoreCollection.Name)]
public sealed class AttachmentsInDatabaseOnSqliteTests(AttachmentHost.DatabaseOnSqlite host) : AttachmentStoreTests<AttachmentHost.DatabaseOnSqlite>(host);
