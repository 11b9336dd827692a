using Lapor.Host.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Host.Data;

/// <summary>Accounts a first-time visitor can use; only when demo data is on. The README lists them.</summary>
public static class DemoSeeder
{
    public static async Task SeedDemoDataAsync(this IServiceProvider services, LaporOptions options)
    {
        if (!options.DemoData)
            return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Administrator, Roles.Coordinator, Roles.Auditor })
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);

        if (await users.FindByNameAsync(options.Admin.UserName) is not null)
            return;
        var admin = new LaporUser { UserName = options.Admin.UserName, DisplayName = "Administrator Lapor", Email = "admin@lapor.example", EmailConfirmed = true };
        Check(await users.CreateAsync(admin, options.Admin.Password), admin.UserName);
        Check(await users.AddToRolesAsync(admin, [Roles.Administrator, Roles.Coordinator]), admin.UserName);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
