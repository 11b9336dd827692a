namespace Lapor.Host.Tests.Reports;

/// <summary>The default on PostgreSQL: attachments in a bytea column, streamed by Npgsql.</summary>
[Collection(AttachmentStoreCollection.Name)]
public sealed class AttachmentsInDatabaseOnPostgresTests(AttachmentHost.DatabaseOnPostgres host) : AttachmentStoreTests<AttachmentHost.DatabaseOnPostgres>(host);
