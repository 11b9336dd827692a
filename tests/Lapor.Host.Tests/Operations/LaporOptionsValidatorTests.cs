using Lapor.Host.Infrastructure;
using Lapor.Host.Operations;
using Lapor.Host.Tests.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Lapor.Host.Tests.Operations;

/// <summary>Each setting the host cannot run with is named in one line that says what to use instead.</summary>
public sealed class LaporOptionsValidatorTests : IDisposable
{
    private readonly string _folder = LaporHostFactory.NewDataDirectory();

    public void Dispose() => LaporHostFactory.DeleteDirectory(_folder);

    private static IReadOnlyList<string> Validate(LaporOptions options) => LaporOptionsValidator.Validate(options, ReportsHost.RepoWorkflows());

    [Fact]
    public void TheDefaults_AreValid()
    {
        Assert.Empty(Validate(new LaporOptions()));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("POSTGRES")]
    public void ProviderName_IgnoresCase(string provider)
    {
        var options = new LaporOptions { Database = { Provider = provider, PostgresConnection = "Host=db;Database=lapor" } };
        Assert.Empty(Validate(options));
    }

    [Fact]
    public void UnknownProvider_IsNamed()
    {
        var problem = Assert.Single(Validate(new LaporOptions { Database = { Provider = "Oracle" } }));
        Assert.Equal("Lapor:Database:Provider is 'Oracle'; use 'Sqlite' or 'Postgres'.", problem);
    }

    [Fact]
    public void Postgres_WithoutAConnection_IsNamed()
    {
        var problem = Assert.Single(Validate(new LaporOptions { Database = { Provider = "Postgres", PostgresConnection = " " } }));
        Assert.StartsWith("Lapor:Database:PostgresConnection is empty", problem);
    }

    [Fact]
    public void UnknownTimeZone_IsNamed()
    {
        var problem = Assert.Single(Validate(new LaporOptions { TimeZone = "Asia/Denpasar" }));
        Assert.StartsWith("Lapor:TimeZone is 'Asia/Denpasar'", problem);
    }

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Jayapura")]
    [InlineData("UTC")]
    public void KnownTimeZones_AreAccepted(string zone)
    {
        Assert.Empty(Validate(new LaporOptions { TimeZone = zone }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void SweepIntervalBelowOneSecond_IsNamed(int seconds)
    {
        var problem = Assert.Single(Validate(new LaporOptions { SweepIntervalSeconds = seconds }));
        Assert.Equal($"Lapor:SweepIntervalSeconds is {seconds}; use a whole number of seconds, 1 or more.", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(5000)]
    public void SqliteCacheOutsideItsRange_IsNamed(int megabytes)
    {
        var problem = Assert.Single(Validate(new LaporOptions { Database = { SqliteCacheMegabytes = megabytes } }));
        Assert.Equal($"Lapor:Database:SqliteCacheMegabytes is {megabytes}; use a whole number of megabytes from 1 to 4096 (default 16).", problem);
    }

    [Fact]
    public void ShippedCalendarsMissing_AreNamed_WhenTheShippedFolderIsInUse()
    {
        var problem = Assert.Single(LaporOptionsValidator.Validate(new LaporOptions(), shippedWorkflows: _folder));
        Assert.StartsWith("The shipped holiday calendars are missing", problem);
        Assert.Contains(Path.Combine(_folder, "calendars"), problem);
    }

    [Fact]
    public void AConfiguredFolderWithoutCalendars_IsAllowed_AsTheHostTestsUseIt()
    {
        Assert.Empty(Validate(new LaporOptions { WorkflowsDirectory = _folder }));
        Assert.Empty(Validate(new LaporOptions { WorkflowsDirectory = Path.Combine(_folder, "no-shipped-workflows") }));
    }

    [Fact]
    public void ABrokenCalendarFile_IsNamedWithItsMistake()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "calendars"));
        File.WriteAllText(Path.Combine(_folder, "calendars", "id-2026.json"), """{ "holidays": [ { "date": "2026-02-30", "name": "Salah", "kind": "National" } ] }""");

        var problem = Assert.Single(Validate(new LaporOptions { WorkflowsDirectory = _folder }));

        Assert.StartsWith("Lapor:WorkflowsDirectory: Holiday file", problem);
        Assert.Contains("id-2026.json", problem);
        Assert.Contains("2026-02-30", problem);
    }

    [Fact]
    public void SeveralMistakes_AreEachNamed()
    {
        var problems = Validate(new LaporOptions { Database = { Provider = "Oracle" }, TimeZone = "Bali", SweepIntervalSeconds = 0 });

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void AValueOfTheWrongType_IsNamed_InsteadOfThrowing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lapor:SweepIntervalSeconds"] = "sebentar",
        }).Build();

        LaporOptionsValidator.Bind(configuration, out var problems);

        Assert.Contains("'Lapor:SweepIntervalSeconds'", Assert.Single(problems));
    }

    [Fact]
    public void BoundOptions_AreValidatedToo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lapor:Database:Provider"] = "Oracle",
        }).Build();

        var options = LaporOptionsValidator.Bind(configuration, out var problems);

        Assert.Equal("Oracle", options.Database.Provider);
        Assert.Equal("Lapor:Database:Provider is 'Oracle'; use 'Sqlite' or 'Postgres'.", Assert.Single(problems));
    }
}
