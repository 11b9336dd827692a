using Lapor.Host.Data;
using Lapor.Host.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Host.Accounts;

/// <summary>
/// The first administrator, created on a database that has none. Its password is never a constant in code: it is
/// <c>Lapor:Admin:Password</c> or, with demo data on and that empty, <c>Lapor:Admin:DemoPassword</c> (the README's demo
/// password, in appsettings.json). With demo data off and no password configured the host refuses to start rather than
/// run a system that nobody can administer, or whose administrator password everyone has read in the README.
/// </summary>
public static class AdministratorAccount
{
    public const string PasswordSetting = "Lapor:Admin:Password";
    public const string DemoPasswordSetting = "Lapor:Admin:DemoPassword";

    /// <summary>Creates the administrator when none exists.</summary>
    /// <returns>Null when an administrator exists or was created; otherwise the one line that says which setting to fix.</returns>
    public static async Task<string?> EnsureAdministratorAsync(this IServiceProvider services, LaporOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
            return null;

        var (password, setting) = !string.IsNullOrEmpty(options.Admin.Password) || !options.DemoData
            ? (options.Admin.Password, PasswordSetting)
            : (options.Admin.DemoPassword, DemoPasswordSetting);
        if (string.IsNullOrEmpty(password))
            return $"No administrator account exists yet and {PasswordSetting} is not set; set it for the first start "
                   + "(environment variable Lapor__Admin__Password or user secrets).";

        var admin = new LaporUser
        {
            UserName = options.Admin.UserName, DisplayName = "Administrator Lapor", EmailConfirmed = true,
            Email = options.DemoData ? "admin@lapor.example" : null,
        };
        var broken = new List<string>();
        foreach (var validator in users.PasswordValidators)
            broken.AddRange((await validator.ValidateAsync(users, admin, password)).Errors.Select(e => e.Description));
        if (broken.Count > 0)
            return $"{setting} does not satisfy the password rules: {string.Join(" ", broken)}";

        if (await users.FindByNameAsync(admin.UserName) is not null)
            return $"Lapor:Admin:UserName '{admin.UserName}' belongs to an account that is not an administrator; "
                   + "name another account or give that one the Administrator role.";
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            return $"The administrator '{admin.UserName}' (Lapor:Admin:UserName) cannot be created: {string.Join(" ", created.Errors.Select(e => e.Description))}";

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Administrator, Roles.Coordinator })
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        var assigned = await users.AddToRolesAsync(admin, [Roles.Administrator, Roles.Coordinator]);
        if (!assigned.Succeeded)
            return $"The administrator '{admin.UserName}' was created but not given its roles: {string.Join(" ", assigned.Errors.Select(e => e.Description))}";
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdministratorAccount))
            .LogInformation("Created the administrator account '{User}' ({Setting})", admin.UserName, setting);
        return null;
    }
}
