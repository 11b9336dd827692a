namespace Lapor.Host.Tests.ScaleOut;

/// <summary>The small processes the multi-host tests deploy through the engine API.</summary>
public static class Bpmn
{
    /// <summary>start → timer (absolute moment, so every instance is due at once) → none task → end.</summary>
    public static string TimerAt(string key, DateTimeOffset due) => Process(key, $"""
        <bpmn:startEvent id="start"/>
        <bpmn:intermediateCatchEvent id="timer"><bpmn:timerEventDefinition><bpmn:timeDate>{due.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:task id="after"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="timer"/>
        <bpmn:sequenceFlow id="f2" sourceRef="timer" targetRef="after"/>
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
        """);

    /// <summary>start → one user task for the administrator → end.</summary>
    public static string OneTask(string key) => Process(key, """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="review" name="Periksa" camunda:assignee="admin"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        """);

    /// <summary>start → one user task offered to <paramref name="group"/>, waiting there.</summary>
    public static string GroupTask(string key, string taskName, string group) => Process(key, $"""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="{key}" name="{taskName}" camunda:candidateGroups="{group}"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="{key}"/>
        """);

    private static string Process(string key, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="defs_{key}" targetNamespace="http://lapor.test">
          <bpmn:process id="{key}" name="Uji {key}" isExecutable="true">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;
}
