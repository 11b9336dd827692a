using System.Net;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Tasks;

/// <summary>
/// A process whose user task declares camunda:formField s of every supported type: the task page renders them,
/// refuses bad values with a message naming the field and changes nothing, and passes good values to the process.
/// </summary>
public sealed class TaskFormTests(TaskHost host) : IClassFixture<TaskHost>
{
    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="defs" targetNamespace="http://lapor.test">
          <bpmn:process id="inspeksi-lapangan" isExecutable="true">
            <bpmn:startEvent id="mulai"/>
            <bpmn:userTask id="inspeksi" name="Inspeksi lapangan" camunda:candidateGroups="dinkes">
              <bpmn:extensionElements>
                <camunda:formData>
                  <camunda:formField id="summary" label="Ringkasan" type="string">
                    <camunda:validation><camunda:constraint name="required"/><camunda:constraint name="maxlength" config="40"/></camunda:validation>
                  </camunda:formField>
                  <camunda:formField id="details" label="Uraian" type="text"/>
                  <camunda:formField id="visitors" label="Jumlah pengunjung" type="long">
                    <camunda:validation><camunda:constraint name="min" config="0"/></camunda:validation>
                  </camunda:formField>
                  <camunda:formField id="cost" label="Biaya perbaikan" type="double"/>
                  <camunda:formField id="inspectedOn" label="Tanggal inspeksi" type="date"/>
                  <camunda:formField id="fixedOnSite" label="Diperbaiki di tempat" type="boolean"/>
                  <camunda:formField id="severity" label="Tingkat masalah" type="enum" defaultValue="low">
                    <camunda:value id="low" name="Rendah"/>
                    <camunda:value id="high" name="Tinggi"/>
                  </camunda:formField>
                </camunda:formData>
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:exclusiveGateway id="parah" default="keSelesai"/>
            <bpmn:userTask id="tindakLanjutan" name="Tindak lanjut lanjutan" camunda:candidateGroups="dinkes"/>
            <bpmn:endEvent id="selesai"/>
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="inspeksi"/>
            <bpmn:sequenceFlow id="f2" sourceRef="inspeksi" targetRef="parah"/>
            <bpmn:sequenceFlow id="keLanjutan" sourceRef="parah" targetRef="tindakLanjutan">
              <bpmn:conditionExpression>${severity == 'high'}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="keSelesai" sourceRef="parah" targetRef="selesai"/>
            <bpmn:sequenceFlow id="f3" sourceRef="tindakLanjutan" targetRef="selesai"/>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private async Task<(Browser Browser, string InstanceId, string TaskId)> ClaimedAsync()
    {
        var instanceId = await host.StartAsync(Process, "inspeksi-lapangan");
        var task = await host.SingleTaskOfInstanceAsync(instanceId);
        var browser = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);
        var claim = await browser.PostFormAsync($"/Tugas/{task.Id}", $"/Tugas/{task.Id}?handler=Claim", []);
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        return (browser, instanceId, task.Id);
    }

    [Fact]
    public async Task TheTaskPage_RendersEveryDeclaredFieldWithItsControl()
    {
        var (browser, _, taskId) = await ClaimedAsync();
        using var _ = browser;

        var page = await browser.Client.GetStringAsync($"/Tugas/{taskId}");

        Assert.Contains("Inspeksi lapangan", page);
        Assert.Matches("<input type=\"text\"[^>]*name=\"f.summary\"[^>]*maxlength=\"40\"", page);
        Assert.Matches("<textarea[^>]*name=\"f.details\"", page);
        Assert.Matches("inputmode=\"numeric\"[^>]*name=\"f.visitors\"", page);
        Assert.Matches("inputmode=\"decimal\"[^>]*name=\"f.cost\"", page);
        Assert.Matches("<input type=\"date\"[^>]*name=\"f.inspectedOn\"", page);
        Assert.Matches("<input type=\"checkbox\"[^>]*name=\"f.fixedOnSite\"", page);
        Assert.Matches("<select[^>]*name=\"f.severity\"", page);
        Assert.Contains("<option value=\"low\" selected=\"selected\">Rendah</option>", page);
    }

    [Fact]
    public async Task BadValues_AreRefusedFieldByField_AndNothingChanges()
    {
        var (browser, instanceId, taskId) = await ClaimedAsync();
        using var _ = browser;

        var response = await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Complete", new()
        {
            ["f.summary"] = "",
            ["f.visitors"] = "dua puluh",
            ["f.cost"] = "1.000,50",
            ["f.inspectedOn"] = "31/02/2026",
            ["f.severity"] = "sedang",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ringkasan wajib diisi.", page);
        Assert.Contains("Jumlah pengunjung harus bilangan bulat.", page);
        Assert.Contains("Biaya perbaikan harus berupa angka.", page);
        Assert.Contains("Tanggal inspeksi harus tanggal yang valid (yyyy-mm-dd).", page);
        Assert.Contains("Tingkat masalah: pilih salah satu pilihan yang tersedia.", page);
        Assert.Contains("value=\"dua puluh\"", page); // what was typed is shown again
        Assert.NotNull(await host.TaskAsync(taskId));
        Assert.DoesNotContain("summary", (await host.VariablesAsync(instanceId)).Keys);

        var negative = await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Complete", new()
        {
            ["f.summary"] = new string('x', 41), ["f.visitors"] = "-1", ["f.severity"] = "low",
        });
        var again = await negative.Content.ReadAsStringAsync();
        Assert.Contains("Ringkasan paling banyak 40 karakter.", again);
        Assert.Contains("Jumlah pengunjung tidak boleh kurang dari 0.", again);
        Assert.NotNull(await host.TaskAsync(taskId));
    }

    [Fact]
    public async Task GoodValues_BecomeTypedProcessVariables_AndTheProcessMovesOn()
    {
        var (browser, instanceId, taskId) = await ClaimedAsync();
        using var _ = browser;

        var response = await browser.PostFormAsync($"/Tugas/{taskId}", $"/Tugas/{taskId}?handler=Complete", new()
        {
            ["f.summary"] = "Loket dibuka terlambat",
            ["f.details"] = "Baris satu\r\nBaris dua",
            ["f.visitors"] = "25",
            ["f.cost"] = "1500000,5",
            ["f.inspectedOn"] = "2026-11-20",
            ["f.fixedOnSite"] = "true",
            ["f.severity"] = "high",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await host.TaskAsync(taskId));
        var vars = await host.VariablesAsync(instanceId);
        Assert.Equal(("String", "Loket dibuka terlambat"), (vars["summary"].Type, vars["summary"].Value));
        Assert.Equal("Baris satu\nBaris dua", vars["details"].Value);
        Assert.Equal(("Long", "25"), (vars["visitors"].Type, vars["visitors"].Value));
        Assert.Equal(("Double", "1500000.5"), (vars["cost"].Type, vars["cost"].Value));
        Assert.Equal("Date", vars["inspectedOn"].Type);
        Assert.StartsWith("2026-11-20T00:00:00", vars["inspectedOn"].Value);
        Assert.Equal(("Boolean", "true"), (vars["fixedOnSite"].Type, vars["fixedOnSite"].Value?.ToLowerInvariant()));
        // severity=high routes to the follow-up task: the values reached the process, not just the table.
        Assert.Equal("tindakLanjutan", (await host.SingleTaskOfInstanceAsync(instanceId)).TaskDefinitionKey);
    }

    [Fact]
    public async Task AnOfficerWhoHasNotClaimedTheTask_CannotCompleteIt()
    {
        var instanceId = await host.StartAsync(Process, "inspeksi-lapangan");
        var task = await host.SingleTaskOfInstanceAsync(instanceId);
        using var browser = await Browser.SignedInAsync(host, "dinkes.petugas", Browser.DemoPassword);

        var page = await browser.Client.GetStringAsync($"/Tugas/{task.Id}");
        Assert.Contains("Klaim tugas ini untuk mengerjakannya.", page);
        Assert.DoesNotContain("f.summary", page);

        var response = await browser.PostFormAsync($"/Tugas/{task.Id}", $"/Tugas/{task.Id}?handler=Complete", new() { ["f.summary"] = "x", ["f.severity"] = "low" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await host.TaskAsync(task.Id));
    }
}
