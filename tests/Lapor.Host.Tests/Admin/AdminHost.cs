using Lapor.Host.Tests.Reports;

namespace Lapor.Host.Tests.Admin;

/// <summary>The in-process host with demo data on, so every demo account and the sample agencies exist.</summary>
public sealed class AdminHost : ReportsHost
{
    protected override bool DemoData => true;
}
