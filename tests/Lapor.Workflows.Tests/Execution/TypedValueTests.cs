using System.Text.Json;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Tests.Execution;

/// <summary>Variables as a Camunda client sends them: values with no JSON form are refused, naming the variable.</summary>
public sealed class TypedValueTests
{
    private static TypedValue Read(string json, string type) => TypedValue.FromJson(JsonDocument.Parse(json).RootElement, type, "nilai");

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("\"1e999\"")]
    public void ANonFiniteDouble_IsRefused_NamingTheVariable(string json)
    {
        var refused = Assert.Throws<WorkflowException>(() => Read(json, "Double"));
        Assert.Contains("'nilai'", refused.Message);
        Assert.Contains("finite", refused.Message);
    }

    [Fact]
    public void AnUntypedNumberTooLargeForADouble_IsRefused() =>
        Assert.Throws<WorkflowException>(() => Read("1e400", null!));

    [Theory]
    [InlineData("\"{not json\"")]
    [InlineData("\"[1, 2\"")]
    [InlineData("\"\"")]
    public void AJsonValueThatIsNotJson_IsRefused_NamingTheVariable(string json)
    {
        var refused = Assert.Throws<WorkflowException>(() => Read(json, "Json"));
        Assert.Contains("'nilai'", refused.Message);
        Assert.Contains("JSON", refused.Message);
    }

    [Fact]
    public void AJsonValueNestedBeyondTheLimit_IsRefused()
    {
        var deep = new string('[', TypedValue.MaxJsonDepth + 1) + new string(']', TypedValue.MaxJsonDepth + 1);
        Assert.Throws<WorkflowException>(() => Read(JsonSerializer.Serialize(deep), "Object"));
    }

    [Theory]
    [InlineData("2.5", "Double", 2.5)]
    [InlineData("\"-0.125\"", "Double", -0.125)]
    [InlineData("1.7976931348623157e308", "Double", double.MaxValue)]
    public void FiniteDoubles_AreKept(string json, string type, double expected) =>
        Assert.Equal(expected, Read(json, type).Value);

    [Fact]
    public void WellFormedJson_IsKeptAsText()
    {
        Assert.Equal("{\"a\":[1,2]}", Read("\"{\\\"a\\\":[1,2]}\"", "Json").Value);
        Assert.Equal("{\"a\":[1,2]}", Read("{\"a\":[1,2]}", "Object").Value);
    }
}
