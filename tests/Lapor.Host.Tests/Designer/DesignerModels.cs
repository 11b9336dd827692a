namespace Lapor.Host.Tests.Designer;

/// <summary>Small drawn models (with diagram) as the designer would send them.</summary>
public static class DesignerModels
{
    /// <summary>start → "Periksa" (inspektorat, 2 working days) → end; with <paramref name="dangling"/> the last flow is missing.</summary>
    public static string Review(string key, bool dangling = false, string taskName = "Periksa") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                          xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="defs-{key}" targetNamespace="http://lapor.test">
          <bpmn:process id="{key}" name="Uji {key}" isExecutable="true">
            <bpmn:startEvent id="mulai"/>
            <bpmn:userTask id="periksa" name="{taskName}" camunda:candidateGroups="inspektorat" camunda:dueDate="P2WD"/>
            <bpmn:endEvent id="selesai"/>
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="periksa"/>
            {(dangling ? "" : """<bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="selesai"/>""")}
          </bpmn:process>
          <bpmndi:BPMNDiagram id="d-{key}">
            <bpmndi:BPMNPlane id="p-{key}" bpmnElement="{key}">
              <bpmndi:BPMNShape id="mulai_di" bpmnElement="mulai"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="periksa_di" bpmnElement="periksa"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="selesai_di" bpmnElement="selesai"><dc:Bounds x="370" y="100" width="36" height="36"/></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
              {(dangling ? "" : """<bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="370" y="118"/></bpmndi:BPMNEdge>""")}
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    /// <summary>
    /// start "mulai" → one user task per name (ids t0, t1…, with a diagram) → end "selesai"; the flow into the task at
    /// <paramref name="missingFlowBefore"/> is left out when given.
    /// </summary>
    public static string Chain(string key, IReadOnlyList<string> names, int? missingFlowBefore = null)
    {
        var ids = new List<string> { "mulai" };
        ids.AddRange(names.Select((_, i) => $"t{i}"));
        ids.Add("selesai");
        var tasks = string.Concat(names.Select((name, i) => $"""<bpmn:userTask id="t{i}" name="{name}" camunda:candidateGroups="inspektorat"/>"""));
        var flows = string.Concat(Enumerable.Range(0, ids.Count - 1).Where(i => i != missingFlowBefore)
            .Select(i => $"""<bpmn:sequenceFlow id="f{i}" sourceRef="{ids[i]}" targetRef="{ids[i + 1]}"/>"""));
        var shapes = string.Concat(ids.Select((id, i) => id is "mulai" or "selesai"
            ? $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{100 + i * 150}" y="100" width="36" height="36"/></bpmndi:BPMNShape>"""
            : $"""<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"><dc:Bounds x="{70 + i * 150}" y="78" width="100" height="80"/></bpmndi:BPMNShape>"""));
        var edges = string.Concat(Enumerable.Range(0, ids.Count - 1).Where(i => i != missingFlowBefore).Select(i =>
            $"""<bpmndi:BPMNEdge id="f{i}_di" bpmnElement="f{i}"><di:waypoint x="{(i == 0 ? 136 : 170 + i * 150)}" y="118"/><di:waypoint x="{(i + 1 == ids.Count - 1 ? 100 + (i + 1) * 150 : 70 + (i + 1) * 150)}" y="118"/></bpmndi:BPMNEdge>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                              xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                              xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="defs-{key}" targetNamespace="http://lapor.test">
              <bpmn:process id="{key}" name="Uji {key}" isExecutable="true">
                <bpmn:startEvent id="mulai" name="Mulai"/>{tasks}<bpmn:endEvent id="selesai"/>{flows}
              </bpmn:process>
              <bpmndi:BPMNDiagram id="d-{key}">
                <bpmndi:BPMNPlane id="p-{key}" bpmnElement="{key}">{shapes}{edges}</bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
    }
}
