namespace Lapor.Host.Tests.Reports;

/// <summary>The default on SQLite: attachments in the data folder.</summary>
[Collection(AttachmentStoreCollection.Name)]
public sealed class AttachmentsInFolderOnSqliteTests(AttachmentHost.FolderOnSqlite host) : AttachmentStoreTests<AttachmentHost.FolderOnSqlite>(host);
