using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Reports;

/// <summary>
/// The real host with demo accounts on a stopped clock (Monday 7 December 2026, 09:00 WITA), so a test walks a case past
/// its deadlines and quiet period and fires the due timers itself.
/// </summary>
public sealed class ClockedReportsHost : ReportsHost
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    protected override bool DemoData => true;

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>Moves the clock on and runs every timer that came due, as the scheduler would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Lapor.Workflows.Runtime.WorkflowEngine>().RunDueJobsAsync();
    }
}
