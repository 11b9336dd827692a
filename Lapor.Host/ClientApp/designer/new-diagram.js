// A new process: executable, with a start event already drawn, so the coordinator starts from something that runs.
export const newDiagram = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="definitions-proses-baru" targetNamespace="http://lapor.baliprov.example/bpmn">
  <bpmn:process id="proses-baru" name="Proses baru" isExecutable="true">
    <bpmn:startEvent id="mulai" name="Mulai"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram-proses-baru">
    <bpmndi:BPMNPlane id="plane-proses-baru" bpmnElement="proses-baru">
      <bpmndi:BPMNShape id="mulai_di" bpmnElement="mulai">
        <dc:Bounds x="160" y="100" width="36" height="36"/>
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
