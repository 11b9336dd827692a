using System.Security.Claims;
using Lapor.Host.Data;
using Lapor.Host.Tests.Reports;
using Lapor.Workflows.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Inbox;

/// <summary>
/// The host with demo data and the shipped process: the demo reports leave verification tasks for "inspektorat" and an
/// open "tindakLanjut" task for "puprkim", which is all the inbox tests need.
/// </summary>
public class InboxHost : ReportsHost
{
    protected override bool DemoData => true;

    /// <summary>The principal a sign-in would produce, with the roles and the agency claim.</summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LaporUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No demo account '{userName}'.");
        return await factory.CreateAsync(user);
    }

    internal async Task<TaskRow> OpenTaskAsync(string taskKey, string group)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        return await db.Set<TaskRow>().AsNoTracking()
            .FirstAsync(t => t.TaskDefinitionKey == taskKey && t.Candidates.Any(c => c.Kind == CandidateKind.Group && c.Value == group));
    }

    public async Task<string?> AssigneeAsync(string taskId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        return await db.Set<TaskRow>().AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Assignee).SingleAsync();
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
