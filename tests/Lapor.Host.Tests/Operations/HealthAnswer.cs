using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lapor.Host.Tests.Operations;

/// <summary>Reads a health endpoint's answer.</summary>
internal static class HealthAnswer
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static JsonElement Check(JsonElement body, string name) => body.GetProperty("checks").GetProperty(name);
}
