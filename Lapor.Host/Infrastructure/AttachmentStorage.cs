using Lapor.Host.Reports;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// Chooses where attachment bytes live: <c>Lapor:Attachments:Store</c> = <c>Files</c> or <c>Database</c>; unset, the
/// folder on SQLite (one host) and the database on PostgreSQL (several hosts, none of which owns a folder).
/// </summary>
public static class AttachmentStorage
{
    public static bool KeepsAttachmentsInDatabase(this LaporOptions options) => options.Attachments.Store switch
    {
        null or "" => options.UsesPostgres(),
        var s when s.Equals("Database", StringComparison.OrdinalIgnoreCase) => true,
        var s when s.Equals("Files", StringComparison.OrdinalIgnoreCase) => false,
        var s => throw new InvalidOperationException($"Lapor:Attachments:Store is '{s}'; use Files or Database."),
    };

    public static IServiceCollection AddAttachmentStore(this IServiceCollection services, LaporOptions options)
    {
        services.AddSingleton<FileAttachmentStore>();
        if (options.KeepsAttachmentsInDatabase())
            services.AddScoped<IAttachmentStore, DatabaseAttachmentStore>();
        else
            services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<FileAttachmentStore>());
        return services;
    }
}
