using Lapor.Host.Tests.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Audit;

/// <summary>The demo host with its clock stopped at <see cref="PerformanceScenario.Now"/> and the scenario's reports stored.</summary>
public sealed class PerformanceHost : ReportsHost
{
    public PerformanceScenario Scenario { get; } = new();

    protected override bool DemoData => true;

    protected override void AddServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(PerformanceScenario.Now));
}
