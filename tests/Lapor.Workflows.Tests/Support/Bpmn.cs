namespace Lapor.Workflows.Tests.Support;

/// <summary>Wraps process bodies in the BPMN boilerplate so tests show only the elements that matter.</summary>
public static class Bpmn
{
    public static string Process(string body, string key = "p", string root = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="defs_{key}" targetNamespace="http://lapor.test">
          {root}
          <bpmn:process id="{key}" name="Test {key}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → one user task per id (assigned to "demo") → end, chained by flows.</summary>
    public static string Sequence(params string[] taskIds)
    {
        var nodes = new List<string> { "start" };
        nodes.AddRange(taskIds);
        nodes.Add("end");
        var body = """<bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>""";
        foreach (var id in taskIds)
            body += $"""<bpmn:userTask id="{id}" name="Task {id}" camunda:assignee="demo"/>""";
        for (var i = 0; i < nodes.Count - 1; i++)
            body += $"""<bpmn:sequenceFlow id="f{i}" sourceRef="{nodes[i]}" targetRef="{nodes[i + 1]}"/>""";
        return Process(body);
    }

    /// <summary>start → parallel fork to tasks "dinkes" and "dishub" → join → task "summary" → end.</summary>
    public static string ForkJoin() => Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="dinkes" camunda:candidateGroups="dinkes"/>
        <bpmn:userTask id="dishub" camunda:candidateGroups="dishub"/>
        <bpmn:parallelGateway id="join"/>
        <bpmn:userTask id="summary" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="dinkes"/>
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="dishub"/>
        <bpmn:sequenceFlow id="f4" sourceRef="dinkes" targetRef="join"/>
        <bpmn:sequenceFlow id="f5" sourceRef="dishub" targetRef="join"/>
        <bpmn:sequenceFlow id="f6" sourceRef="join" targetRef="summary"/>
        <bpmn:sequenceFlow id="f7" sourceRef="summary" targetRef="end"/>
        """);
}
