namespace Lapor.Workflows.Tests.Decisions;

/// <summary>Wraps decision tables in DMN 1.3 boilerplate so tests show only the columns and rows that matter.</summary>
public static class Dmn
{
    /// <param name="inputs">Input expressions (one column each).</param>
    /// <param name="rules">Each rule: its input cells then its output cells, as FEEL text.</param>
    public static string Table(string key, string hitPolicy, string[] inputs, string[] outputs, string[][] rules, string extra = "")
    {
        var columns = string.Join("\n", inputs.Select((e, i) =>
            $"""<input id="in{i + 1}" label="Input {i + 1}"><inputExpression id="ie{i + 1}" typeRef="string"><text>{e}</text></inputExpression></input>"""));
        columns += string.Join("\n", outputs.Select((name, i) => $"""<output id="out{i + 1}" name="{name}" typeRef="string"/>"""));
        var rows = string.Join("\n", rules.Select((cells, r) =>
            $"""<rule id="r{r + 1}">""" + string.Join("", cells.Select((c, i) => i < inputs.Length
                ? $"""<inputEntry id="r{r + 1}i{i + 1}"><text>{Escape(c)}</text></inputEntry>"""
                : $"""<outputEntry id="r{r + 1}o{i - inputs.Length + 1}"><text>{Escape(c)}</text></outputEntry>""")) + "</rule>"));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_{key}" name="Test" namespace="http://lapor.test/dmn">
              <decision id="{key}" name="Decision {key}">
                <decisionTable id="table_{key}" hitPolicy="{hitPolicy}" {extra}>
                  {columns}
                  {rows}
                </decisionTable>
              </decision>
            </definitions>
            """;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Category → agency with a default row, hit policy FIRST.</summary>
    public static string Routing(string key = "rute") => Table(key, "FIRST", ["kategori"], ["agency"],
    [
        ["\"jalan\",\"air-bersih\"", "\"puprkim\""],
        ["\"kesehatan\"", "\"dinkes\""],
        ["-", "\"inspektorat\""],
    ]);
}
