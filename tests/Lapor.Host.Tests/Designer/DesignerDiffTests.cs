using System.Net;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Designer;

/// <summary>The version comparison page: the list of changes with old and new values, for coordinators only.</summary>
public sealed class DesignerDiffTests(AdminHost host) : IClassFixture<AdminHost>
{
    [Fact]
    public async Task TwoVersions_AreComparedElementByElement_AndOthersAreRefused()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        await coordinator.PostJsonAsync("Publish", new { xml = DesignerModels.Review("beda"), comment = "Versi pertama" });
        var second = DesignerModels.Review("beda", taskName: "Periksa ulang").Replace("camunda:dueDate=\"P2WD\"", "camunda:dueDate=\"P4WD\"");
        await coordinator.PostJsonAsync("Publish", new { xml = second, comment = "Tenggat 4 hari kerja" });

        var list = await coordinator.Client.GetStringAsync("/Desain");
        Assert.Matches("/Desain/Proses/beda/Beda\\?dari=1&(amp;)?ke=2", list);

        var page = WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync("/Desain/Proses/beda/Beda?dari=1&ke=2"));
        Assert.Contains("data-element=\"periksa\" data-kind=\"changed\"", page);
        Assert.Contains("name: 'Periksa' \u2192 'Periksa ulang'", page);
        Assert.Contains("camunda:dueDate: 'P2WD' \u2192 'P4WD'", page);
        Assert.DoesNotContain("data-element=\"mulai\"", page);

        var same = await coordinator.Client.GetStringAsync("/Desain/Proses/beda/Beda?dari=2&ke=2");
        Assert.Contains("id=\"diff-none\"", same);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync("/Desain/Proses/beda/Beda?dari=1&ke=7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync("/Desain/Proses/tidak-ada/Beda")).StatusCode);

        foreach (var user in new[] { "dinkes.petugas", "auditor", "pelapor" })
        {
            using var other = await Browser.SignedInAsync(host, user, Browser.DemoPassword);
            var refused = await other.Client.GetAsync("/Desain/Proses/beda/Beda?dari=1&ke=2");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Status/403", refused.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task AVersionThatOnlyMovedShapes_ShowsNoChange_UntilLayoutChangesAreAskedFor()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        await coordinator.PostJsonAsync("Publish", new { xml = DesignerModels.Review("tata"), comment = "Versi pertama" });
        // Moved, and written back the way the modeler writes: incoming/outgoing lists on the nodes.
        var moved = DesignerModels.Review("tata").Replace("""<dc:Bounds x="200" y="78" """, """<dc:Bounds x="260" y="78" """)
            .Replace("""camunda:dueDate="P2WD"/>""", """camunda:dueDate="P2WD"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>""");
        var second = await coordinator.PostJsonAsync("Publish", new { xml = moved, comment = "Rapikan diagram" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var plain = WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync("/Desain/Proses/tata/Beda?dari=1&ke=2"));
        var withLayout = WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync("/Desain/Proses/tata/Beda?dari=1&ke=2&tataLetak=true"));

        Assert.Contains("id=\"diff-none\"", plain);
        Assert.Contains("1 perubahan tata letak", plain);
        Assert.DoesNotContain("data-kind=\"layout\"", plain);
        Assert.Contains("Tampilkan perubahan tata letak", plain);
        Assert.Contains("data-element=\"periksa\" data-kind=\"layout\"", withLayout);
        Assert.DoesNotContain("data-kind=\"changed\"", withLayout);
    }
}
