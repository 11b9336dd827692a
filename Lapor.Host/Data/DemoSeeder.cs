using Lapor.Host.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Host.Data;

/// <summary>
/// Accounts a first-time visitor can use; only when demo data is on. The README lists them. The administrator is not
/// one of them: <see cref="Accounts.AdministratorAccount"/> creates it, with or without demo data.
/// </summary>
public static class DemoSeeder
{
    /// <summary>One password for every demo account; the administrator has its own settings (Lapor:Admin).</summary>
    public const string DemoPassword = "Lapor#Demo2026";

    // The shipped process names candidate groups by agency code ("inspektorat", "dinkes") and "<agency>-supervisor";
    // the inbox maps role + agency to those groups, so these accounts line up with the demo reports' tasks.
    private static readonly DemoAccount[] Accounts =
    [
        new("koordinator", "Koordinator Inspektorat", Roles.Coordinator, "inspektorat"),
        new("dinkes.petugas", "Petugas Dinas Kesehatan", Roles.LiaisonOfficer, "dinkes"),
        new("dinkes.kepala", "Kepala Bidang Dinas Kesehatan", Roles.AgencySupervisor, "dinkes"),
        new("puprkim.petugas", "Petugas Dinas PUPRKIM", Roles.LiaisonOfficer, "puprkim"),
        new("auditor", "Auditor Inspektorat", Roles.Auditor, null),
        new("ombudsman", "Perwakilan Ombudsman Bali", Roles.Ombudsman, null),
        new("pelapor", "Made Pelapor", Roles.Reporter, null),
    ];

    public static async Task SeedDemoDataAsync(this IServiceProvider services, LaporOptions options)
    {
        if (!options.DemoData)
            return;
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), role);

        // Each account on its own, so a database from before an account was added still gets it.
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
                continue;
            // Addresses under the reserved .example domain, so staff notices can be tried against any test mail server.
            var user = new LaporUser
            {
                UserName = account.UserName, DisplayName = account.DisplayName, AgencyCode = account.AgencyCode,
                Email = $"{account.UserName}@lapor.example",
            };
            Check(await users.CreateAsync(user, DemoPassword), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    private sealed record DemoAccount(string UserName, string DisplayName, string Role, string? AgencyCode);
}
