using Lapor.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Data;

/// <summary>
/// An empty database gets the sample Bali catalogue (agencies and categories) so reports can be routed from the first
/// start; administrators edit it afterwards. A database that has a catalogue is never touched.
/// </summary>
public static class CatalogueSeeder
{
    public static async Task SeedCatalogueAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        if (await db.Agencies.AnyAsync())
            return;
        var catalogue = SampleCatalogue.Load();
        db.Agencies.AddRange(catalogue.Agencies);
        db.Categories.AddRange(catalogue.Categories);
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CatalogueSeeder))
            .LogInformation("Seeded the sample catalogue: {Agencies} agencies, {Categories} categories", catalogue.Agencies.Count, catalogue.Categories.Count);
    }
}
