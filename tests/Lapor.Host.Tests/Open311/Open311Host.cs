using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.Host.Tests.Reports;
using Microsoft.AspNetCore.Hosting;

namespace Lapor.Host.Tests.Open311;

/// <summary>The real host on its own SQLite file, with one partner key configured, driven as an Open311 client drives it.</summary>
public sealed class Open311Host : ReportsHost
{
    public const string ApiKey = "mitra-uji-7f3c9a";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lapor:Open311:ApiKeys:0", ApiKey);
    }

    /// <summary>A filled-in GeoReport form for <paramref name="serviceCode"/>; pass null to leave a field out.</summary>
    public static Dictionary<string, string?> Form(string description, string serviceCode = "jalan", string? apiKey = ApiKey) => new()
    {
        ["api_key"] = apiKey,
        ["service_code"] = serviceCode,
        ["lat"] = "-8.6705",
        ["long"] = "115.2126",
        ["address_string"] = "Jl. Teuku Umar, Denpasar",
        ["description"] = description,
        ["email"] = "wayan@example.com",
        ["first_name"] = "Wayan",
        ["last_name"] = "Sudiarta",
        ["phone"] = "081234567890",
    };

    public async Task<HttpResponseMessage> PostAsync(Dictionary<string, string?> form, string format = "json") =>
        await CreateClient().PostAsync($"/open311/v2/requests.{format}",
            new FormUrlEncodedContent(form.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!))));

    /// <summary>Files a report through Open311 and answers its service_request_id.</summary>
    public async Task<string> FileAsync(string description, string serviceCode = "jalan")
    {
        using var response = await PostAsync(Form(description, serviceCode));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    /// <summary>Files a report through the citizen API (which can make it anonymous or confidential); answers its code.</summary>
    public async Task<string> SubmitThroughApiAsync(string description, bool anonymous = false, bool confidential = false)
    {
        using var response = await CreateClient().PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Pungutan liar di loket pelayanan", description, categoryCode = "perizinan",
            location = "Kantor Samsat Denpasar", anonymous, confidential,
            reporter = new { name = "Ni Kadek Rahasia", email = "kadek.rahasia@example.com", phone = "081298765432" },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string path)
    {
        var response = await CreateClient().GetAsync(path);
        return (response, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    public async Task<(HttpResponseMessage Response, XDocument Body)> GetXmlAsync(string path)
    {
        var response = await CreateClient().GetAsync(path);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
