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
    public void AConditionEditedAndRestoredInTheModeler_IsNoChange()
    {
        // What bpmn-js writes after a condition was changed and typed back: the formal-expression type, the
        // incoming/outgoing lists on nodes, another attribute order, the text on its own lines.
        var modeler = Version1()
            .Replace("""<bpmn:conditionExpression>""", "<bpmn:conditionExpression xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"bpmn:tFormalExpression\">\n  ")
            .Replace("""</bpmn:conditionExpression>""", "\n</bpmn:conditionExpression>")
            .Replace("""<bpmn:exclusiveGateway id="hasil" default="keSelesai"/>""",
                """<bpmn:exclusiveGateway default="keSelesai" id="hasil"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>keSelesai</bpmn:outgoing><bpmn:outgoing>keTeruskan</bpmn:outgoing></bpmn:exclusiveGateway>""")
            .Replace("""<bpmn:endEvent id="selesai"/>""", """<bpmn:endEvent id="selesai"><bpmn:incoming>keSelesai</bpmn:incoming></bpmn:endEvent>""");

        Assert.Empty(ProcessDiff.Compare(Version1(), modeler).Changes);
        Assert.Single(ProcessDiff.Compare(Version1(), modeler.Replace("forward'}", "teruskan'}")).Changes);
    }

    [Fact]
    public void AnEventDefinitionWithAGeneratedId_IsPartOfItsEvent()
    {
        static string Timer(string definition) => Version1().Replace("""<bpmn:endEvent id="diteruskan"/>""",
            $"""<bpmn:endEvent id="diteruskan"/><bpmn:intermediateCatchEvent id="tunggu">{definition}</bpmn:intermediateCatchEvent>""");
        var shipped = Timer("<bpmn:timerEventDefinition><bpmn:timeDuration>P3WD</bpmn:timeDuration></bpmn:timerEventDefinition>");
        var modeler = Timer("""<bpmn:timerEventDefinition id="TimerEventDefinition_0x1"><bpmn:timeDuration>P3WD</bpmn:timeDuration></bpmn:timerEventDefinition>""");

        Assert.Empty(ProcessDiff.Compare(shipped, modeler).Changes);
        var changed = Assert.Single(ProcessDiff.Compare(shipped, modeler.Replace("P3WD", "P5WD")).Changes);
        Assert.Equal("tunggu", changed.Id);
        Assert.Equal(["timerEventDefinition/timeDuration: 'P3WD' → 'P5WD'"], changed.Details);
    }

    [Fact]
    public void MovedShapesAndWaypoints_AreLayoutOnly_NotElementChanges()
    {
        static string Drawn(int x, int bend) => Version1().Replace("</bpmn:process>", $"""
            </bpmn:process>
            <bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d">
              <bpmndi:BPMNPlane id="pl" bpmnElement="p">
                <bpmndi:BPMNShape id="tanggapi_di" bpmnElement="tanggapi"><dc:Bounds x="{x}" y="80" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="{bend}" y="118"/></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane>
            </bpmndi:BPMNDiagram>
            """);

        var diff = ProcessDiff.Compare(Drawn(200, 200), Drawn(260, 260));

        Assert.Empty(diff.Changes);
        Assert.Equal(["f1", "tanggapi"], diff.Moved.Order());
    }

    [Fact]
    public void ADtd_IsRefused()
    {
        Assert.ThrowsAny<System.Xml.XmlException>(() => ProcessDiff.Compare("<!DOCTYPE x [<!ENTITY e 'x'>]><x/>", Version1()));
    }
}
