using Microsoft.AspNetCore.Http;
namespace Lapor.Workflows.Rest;

/// <summary>Small shapes several resources share.</summary>
internal static class CommonDtos
{
    /// <summary>Camunda's hypermedia link, e.g. the <c>self</c> link of a started instance.</summary>
    public sealed record LinkDto(string Method, string Href, string Rel);

    public sealed record CountDto(long Count);

    /// <summary>Absolute like Camunda's, so a client can follow it as it is.</summary>
    public static IReadOnlyList<LinkDto> Self(HttpRequest request, string path) =>
        [new("GET", $"{request.Scheme}://{request.Host}{request.PathBase}/engine-rest/{path}", "self")];
}
