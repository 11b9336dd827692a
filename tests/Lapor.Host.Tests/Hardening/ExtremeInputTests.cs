using System.Net;
using System.Text.Json;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.Hardening;

/// <summary>Valid but extreme input gets an answer, never a 500; a value with no JSON form is refused before it is stored.</summary>
public sealed class ExtremeInputTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    [Theory]
    [InlineData("/api/reports?to=9999-12-31")]
    [InlineData("/api/reports?from=0001-01-01&to=9999-12-31")]
    [InlineData("/Laporan?sampai=9999-12-31")]
    [InlineData("/Laporan?dari=0001-01-01&sampai=9999-12-31")]
    public async Task TheLastAndFirstDaysOfTheCalendar_AreAnsweredNot500(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("9999-12")]
    [InlineData("9999-S2")]
    public void APeriodWhoseEndIsBeyondTheCalendar_IsNotAPeriod(string text) =>
        Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"NaN\"")]
    public async Task StartingWithANonFiniteDouble_IsRefusedWith400_NamingTheVariable_AndStartsNothing(string value)
    {
        await host.Admin.DeployFilesAsync(BpmnFiles.TindakLanjutLaporan);
        var before = (await host.Admin.GetJsonAsync("process-instance?processDefinitionKey=tindakLanjutLaporan")).GetArrayLength();
        var body = JsonDocument.Parse("{\"businessKey\":\"LPR-EXTREME\",\"variables\":{\"skor\":{\"value\":" + value + ",\"type\":\"Double\"}}}").RootElement;
        using var response = await host.Admin.PostJsonAsync("process-definition/key/tindakLanjutLaporan/start", body);

        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'skor'", error.Str("message"));
        Assert.Equal(before, (await host.Admin.GetJsonAsync("process-instance?processDefinitionKey=tindakLanjutLaporan")).GetArrayLength());
    }

    [Fact]
    public async Task AJsonVariableThatIsNotJson_IsRefusedWith400_NamingTheVariable()
    {
        await host.Admin.DeployFilesAsync(BpmnFiles.TindakLanjutLaporan);
        using var response = await host.Admin.PostJsonAsync("process-definition/key/tindakLanjutLaporan/start",
            new { businessKey = "LPR-JSON", variables = new { rincian = Typed("{bukan json", "Json") } });
        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'rincian'", error.Str("message"));
    }

    [Fact]
    public async Task ANonFiniteNumberAlreadyStored_DoesNotBreakTheListsOfEveryInstance()
    {
        await host.Admin.DeployFilesAsync(BpmnFiles.TindakLanjutLaporan);
        var instance = (await host.Admin.StartAsync("tindakLanjutLaporan", "LPR-INF",
            new Dictionary<string, object> { ["skor"] = Typed(1.5, "Double") })).Id();
        // A value stored before the engine refused such input: written straight into the database.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "lapor.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE wf_variable SET Value = 'Infinity' WHERE InstanceId = $id AND Name = 'skor'";
            command.Parameters.AddWithValue("$id", instance);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.True((await host.Admin.GetJsonAsync("history/variable-instance")).GetArrayLength() > 0);
        var own = await host.Admin.GetJsonAsync($"process-instance/{instance}/variables");
        Assert.Equal("Infinity", own.GetProperty("skor").GetProperty("value").GetString());
    }
}
