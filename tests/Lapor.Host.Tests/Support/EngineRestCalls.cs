using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// HTTP calls the way a Camunda client makes them, returning raw JSON so tests check the wire shape (property names,
/// date strings) rather than our own DTO types. Failures show the response body, which names the engine's reason.
/// </summary>
public static class EngineRestCalls
{
    /// <summary>A Camunda typed value, e.g. <c>Typed(1500, "Integer")</c>.</summary>
    public static object Typed(object? value, string type) => new { value, type };

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body) =>
        client.PostAsync(path, body is null ? new StringContent("", Encoding.UTF8, "application/json") : JsonContent.Create(body));

    public static async Task<JsonElement> PostForJsonAsync(this HttpClient client, string path, object? body)
    {
        using var response = await client.PostJsonAsync(path, body);
        return await ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task PostNoContentAsync(this HttpClient client, string path, object? body = null)
    {
        using var response = await client.PostJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent,
            $"POST {path}: expected 204, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts a Camunda error body: the status, a type and a message; returns the body for further checks.</summary>
    public static async Task<JsonElement> ExpectErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? type = null)
    {
        var body = await ExpectJsonAsync(response, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()), "the error must explain itself");
        if (type is null)
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("type").GetString()));
        else
            Assert.Equal(type, body.GetProperty("type").GetString());
        return body;
    }

    public static async Task<JsonElement> ExpectJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary><c>POST /deployment/create</c> as Camunda Modeler sends it: multipart, one part per file.</summary>
    public static Task<HttpResponseMessage> DeployAsync(this HttpClient client, string deploymentName, bool duplicateFiltering,
        params (string FileName, string Xml)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(deploymentName), "deployment-name" },
            { new StringContent(duplicateFiltering ? "true" : "false"), "enable-duplicate-filtering" },
            { new StringContent("lapor-host-tests"), "deployment-source" },
        };
        foreach (var (fileName, xml) in files)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, fileName, fileName);
        }
        return client.PostAsync("deployment/create", form);
    }

    /// <summary>Deploys shipped test files with duplicate filtering, so every test of a class may call it.</summary>
    public static async Task DeployFilesAsync(this HttpClient client, params string[] fileNames)
    {
        using var response = await client.DeployAsync("host tests", true, fileNames.Select(f => (f, BpmnFiles.Read(f))).ToArray());
        await ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Starts the latest version of <paramref name="key"/>; returns the instance JSON.</summary>
    public static Task<JsonElement> StartAsync(this HttpClient client, string key, string businessKey, object variables, bool withVariablesInReturn = false) =>
        client.PostForJsonAsync($"process-definition/key/{key}/start", new { businessKey, variables, withVariablesInReturn });

    /// <summary>The one open task of an instance at <paramref name="taskDefinitionKey"/>.</summary>
    public static async Task<JsonElement> SingleTaskAsync(this HttpClient client, string instanceId, string taskDefinitionKey)
    {
        var tasks = await client.GetJsonAsync($"task?processInstanceId={instanceId}&taskDefinitionKey={taskDefinitionKey}");
        return Assert.Single(tasks.EnumerateArray());
    }

    public static string Id(this JsonElement element) => element.GetProperty("id").GetString()!;

    public static string? Str(this JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    public static List<string?> Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.Str(property)).ToList();
}
