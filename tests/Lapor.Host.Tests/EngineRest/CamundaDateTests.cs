using Lapor.Workflows.Rest;
using Lapor.Workflows.Errors;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>Dates on the wire: written as Camunda does, read in Camunda's form and any ISO 8601 form.</summary>
public sealed class CamundaDateTests
{
    [Fact]
    public void DatesAreWrittenInCamundasFormat_AtUtc()
    {
        Assert.Equal("2026-03-02T01:00:00.000+0000", CamundaDate.Format(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-03-02T01:00:00.250+0000", CamundaDate.Format(new DateTimeOffset(2026, 3, 2, 9, 0, 0, 250, TimeSpan.FromHours(8))));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00.000+0800")]
    [InlineData("2026-03-02T09:00:00+08:00")]
    [InlineData("2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T01:00:00.000+0000")]
    [InlineData("2026-03-02T09:00:00.000 0800")] // '+' not URL-encoded in a query string arrives as a space
    public void CamundaAndIsoInput_ReadAsTheSameInstant(string text)
    {
        Assert.True(CamundaDate.TryParse(text, out var value), text);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), value);
    }

    [Fact]
    public void ADateWithoutOffset_IsTakenAsUtc()
    {
        Assert.True(CamundaDate.TryParse("2026-03-02T01:00:00", out var value));
        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(1, value.Hour);
    }

    [Fact]
    public void SomethingThatIsNotADate_IsABadRequestNamingTheParameter()
    {
        var error = Assert.Throws<WorkflowException>(() => CamundaDate.Parse("besok pagi", "dueBefore"));
        Assert.Equal("InvalidRequestException", error.Type);
        Assert.Contains("dueBefore", error.Message);
    }
}
