using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>The inbox host with two more puprkim accounts: an active colleague for puprkim.petugas and a deactivated one.</summary>
public sealed class HandOverHost : InboxHost
{
    private Task? _accounts;

    /// <summary>Creates the accounts on first use; xUnit runs a class's tests one at a time, so no lock is needed.</summary>
    public Task ColleaguesAsync() => _accounts ??= AddColleaguesAsync();

    private async Task AddColleaguesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        await AddAsync(users, "puprkim.rekan", active: true);
        await AddAsync(users, "puprkim.nonaktif", active: false);
    }

    private static async Task AddAsync(UserManager<LaporUser> users, string userName, bool active)
    {
        var user = new LaporUser { UserName = userName, DisplayName = userName, AgencyCode = "puprkim" };
        if (!active)
            user.Deactivate();
        Check(await users.CreateAsync(user, "Lapor#Demo2026"));
        Check(await users.AddToRoleAsync(user, Roles.LiaisonOfficer));
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
