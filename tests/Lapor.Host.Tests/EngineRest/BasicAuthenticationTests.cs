using System.Net;
using Lapor.Host.Data;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>A remembered Basic check must never outlive a password change or a lockout.</summary>
public sealed class BasicAuthenticationTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private async Task<LaporUser> CoordinatorAsync(string name, string password)
    {
        _ = host.BaseAddress;
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = new LaporUser { UserName = name };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Coordinator);
        return user;
    }

    [Fact]
    public async Task ChangedPassword_EndsTheOldCredentialsAtOnce()
    {
        await CoordinatorAsync("koord.a", "PasswordLama#1");
        var old = host.ClientFor("koord.a", "PasswordLama#1");
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("task")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("task")).StatusCode);

        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var user = (await users.FindByNameAsync("koord.a"))!;
            Assert.True((await users.ChangePasswordAsync(user, "PasswordLama#1", "PasswordBaru#2")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("task")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFor("koord.a", "PasswordBaru#2").GetAsync("task")).StatusCode);
    }

    [Fact]
    public async Task LockedOutUser_IsRefusedEvenRightAfterASuccessfulRequest()
    {
        await CoordinatorAsync("koord.b", "PasswordKuat#3");
        var client = host.ClientFor("koord.b", "PasswordKuat#3");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("task")).StatusCode);

        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
            var user = (await users.FindByNameAsync("koord.b"))!;
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("task")).StatusCode);
    }
}
