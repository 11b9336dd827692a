using Lapor.Workflows.Definitions;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Parsing;

public sealed class BpmnParserTests
{
    [Fact]
    public void FormDataAndProperties_AreKept()
    {
        var model = Assert.Single(BpmnParser.Parse("t.bpmn", Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat">
              <bpmn:extensionElements>
                <camunda:properties>
                  <camunda:property name="stage" value="Menunggu verifikasi"/>
                  <camunda:property name="slaWorkingDays" value="3"/>
                </camunda:properties>
                <camunda:formData>
                  <camunda:formField id="decision" label="Keputusan" type="enum" defaultValue="verify">
                    <camunda:validation><camunda:constraint name="required"/></camunda:validation>
                    <camunda:value id="verify" name="Verifikasi"/>
                    <camunda:value id="archive" name="Arsipkan"/>
                  </camunda:formField>
                  <camunda:formField id="note" label="Catatan" type="string"/>
                </camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
            """)));
        var task = Assert.IsType<UserTask>(model.Node("verify"));
        Assert.Equal("Menunggu verifikasi", task.Properties["stage"]);
        Assert.Equal("3", task.Properties["slaWorkingDays"]);
        var decision = task.FormFields[0];
        Assert.Equal(("decision", "Keputusan", "enum", "verify", true), (decision.Id, decision.Label, decision.Type, decision.DefaultValue, decision.Required));
        Assert.Equal(["verify", "archive"], decision.Options.Select(o => o.Id));
        Assert.False(task.FormFields[1].Required);
    }

    [Fact]
    public void NonExecutableProcesses_AreNotDeployed()
    {
        var error = Assert.Throws<DefinitionException>(() => BpmnParser.Parse("t.bpmn", Bpmn.Process("<bpmn:startEvent id=\"s\"/>").Replace("isExecutable=\"true\"", "isExecutable=\"false\"")));
        Assert.Contains("executable", error.Message);
    }

    [Fact]
    public void EveryShippedWorkflow_ParsesAndValidates()
    {
        var files = Directory.GetFiles(RepoFiles.Workflows, "*.bpmn");
        Assert.NotEmpty(files);
        var validator = new BpmnValidator(new Lapor.Workflows.Expressions.ExpressionEvaluator());
        foreach (var file in files)
            foreach (var model in BpmnParser.Parse(Path.GetFileName(file), File.ReadAllText(file)))
                Assert.Empty(validator.Validate(model));
    }
}
