using Lapor.Workflows.Tests.Support;
using Lapor.Workflows.Versions;

namespace Lapor.Workflows.Tests.Versions;

public sealed class ProcessDiffTests
{
    private static string Version1(string dueDate = "P5WD", string condition = "${outcome == 'forward'}") => Bpmn.Process($"""
        <bpmn:startEvent id="mulai"/>
        <bpmn:userTask id="tanggapi" name="Tanggapi" camunda:candidateGroups="dinkes" camunda:dueDate="{dueDate}">
          <bpmn:extensionElements>
            <camunda:properties><camunda:property name="stage" value="Sedang ditangani"/></camunda:properties>
            <camunda:formData>
              <camunda:formField id="outcome" label="Hasil" type="enum"><camunda:value id="respond" name="Tanggapi"/><camunda:value id="forward" name="Teruskan"/></camunda:formField>
            </camunda:formData>
          </bpmn:extensionElements>
        </bpmn:userTask>
        <bpmn:exclusiveGateway id="hasil" default="keSelesai"/>
        <bpmn:endEvent id="selesai"/>
        <bpmn:endEvent id="diteruskan"/>
        <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="tanggapi"/>
        <bpmn:sequenceFlow id="f2" sourceRef="tanggapi" targetRef="hasil"/>
        <bpmn:sequenceFlow id="keSelesai" sourceRef="hasil" targetRef="selesai"/>
        <bpmn:sequenceFlow id="keTeruskan" sourceRef="hasil" targetRef="diteruskan"><bpmn:conditionExpression>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
        """);

    [Fact]
    public void TheSameText_HasNoChanges()
    {
        Assert.True(ProcessDiff.Compare(Version1(), Version1()).IsEmpty);
    }

    [Fact]
    public void AChangedDueDateAndCondition_AreNamedWithOldAndNewValue()
    {
        var diff = ProcessDiff.Compare(Version1(), Version1(dueDate: "P2WD", condition: "${outcome == 'teruskan'}"));

        var task = Assert.Single(diff.Changes, c => c.Id == "tanggapi");
        Assert.Equal((ChangeKind.Changed, "userTask", "Tanggapi"), (task.Kind, task.Type, task.Name));
        Assert.Equal(["camunda:dueDate: 'P5WD' → 'P2WD'"], task.Details);
        var flow = Assert.Single(diff.Changes, c => c.Id == "keTeruskan");
        Assert.Equal(["conditionExpression: '${outcome == 'forward'}' → '${outcome == 'teruskan'}'"], flow.Details);
        Assert.Equal(2, diff.Changes.Count);
    }

    [Fact]
    public void AnInsertedTask_IsAdded_TheRewiredFlowIsChanged_AndAFieldChangeIsFound()
    {
        var newer = Version1().Replace("""<bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="tanggapi"/>""", """
            <bpmn:userTask id="periksa" name="Periksa lapangan" camunda:candidateGroups="puprkim" camunda:dueDate="P2WD"/>
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="periksa"/>
            <bpmn:sequenceFlow id="f0" sourceRef="periksa" targetRef="tanggapi"/>
            """).Replace("""<camunda:value id="forward" name="Teruskan"/>""", """<camunda:value id="forward" name="Teruskan ke instansi lain"/>""")
            .Replace("""<bpmn:endEvent id="diteruskan"/>""", "").Replace("""targetRef="diteruskan">""", """targetRef="selesai">""");

        var diff = ProcessDiff.Compare(Version1(), newer);

        Assert.Contains(diff.Changes, c => c is { Id: "periksa", Kind: ChangeKind.Added, Type: "userTask", Name: "Periksa lapangan" });
        Assert.Contains(diff.Changes, c => c is { Id: "f0", Kind: ChangeKind.Added });
        Assert.Contains(diff.Changes, c => c is { Id: "diteruskan", Kind: ChangeKind.Removed, Type: "endEvent" });
        Assert.Equal(["targetRef: 'tanggapi' → 'periksa'"], diff.Changes.Single(c => c.Id == "f1").Details);
        Assert.Equal(["camunda:formData/camunda:formField[outcome]/camunda:value[forward]@name: 'Teruskan' → 'Teruskan ke instansi lain'"],
            diff.Changes.Single(c => c.Id == "tanggapi").Details);
    }

    [Fact]
    public void ReorderedProperties_AreNoChange_ButAChangedPropertyValueIs()
    {
        var twoProps = Version1().Replace("""<camunda:property name="stage" value="Sedang ditangani"/>""",
            """<camunda:property name="stage" value="Sedang ditangani"/><camunda:property name="stage.en" value="Being handled"/>""");
        var reordered = Version1().Replace("""<camunda:property name="stage" value="Sedang ditangani"/>""",
            """<camunda:property name="stage.en" value="Being handled"/><camunda:property name="stage" value="Sedang ditangani"/>""");
        Assert.True(ProcessDiff.Compare(twoProps, reordered).IsEmpty);

        var renamed = twoProps.Replace("Being handled", "In progress");
        Assert.Equal(["camunda:properties/camunda:property[stage.en]@value: 'Being handled' → 'In progress'"],
            Assert.Single(ProcessDiff.Compare(twoProps, renamed).Changes).Details);
    }

    [Fact]
    public void ADtd_IsRefused()
    {
        Assert.ThrowsAny<System.Xml.XmlException>(() => ProcessDiff.Compare("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>", Version1()));
    }
}
