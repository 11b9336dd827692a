using System.Security;

namespace Lapor.Host.Pages.Designer;

/// <summary>The table a new decision starts from: one text input, one output, one catch-all rule (hit policy FIRST).</summary>
public static class NewDecisionTable
{
    public static string Xml(string key)
    {
        var id = SecurityElement.Escape(key);
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="{id}-definitions" name="{id}" namespace="http://lapor.baliprov.example/dmn">
              <decision id="{id}" name="{id}">
                <decisionTable id="{id}-table" hitPolicy="FIRST">
                  <input id="{id}-input1" label="Kategori">
                    <inputExpression id="{id}-input1-expression" typeRef="string"><text>category</text></inputExpression>
                  </input>
                  <output id="{id}-output1" label="Instansi" name="agency" typeRef="string"/>
                  <rule id="{id}-rule1">
                    <inputEntry id="{id}-rule1-input1"><text>-</text></inputEntry>
                    <outputEntry id="{id}-rule1-output1"><text>"inspektorat"</text></outputEntry>
                  </rule>
                </decisionTable>
              </decision>
            </definitions>
            """;
    }
}
