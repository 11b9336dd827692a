using System.IO.Compression;
using System.Security.Cryptography;
using Scalar.AspNetCore;

namespace Lapor.Host.Api.Docs;

/// <summary>
/// Scalar's standalone bundle as Scalar.AspNetCore embeds it (gzipped in its release build), served from this host so
/// the reference page downloads nothing from elsewhere. Read once; clients that take no gzip get it inflated.
/// </summary>
public static class ScalarBundle
{
    /// <summary>The embedded resource's name in Scalar.AspNetCore 3.x (its own asset endpoint serves the same file).</summary>
    public const string ResourceName = "ScalarStaticAssets.scalar.js";

    private static readonly Lazy<(byte[] Content, bool Gzipped, string ETag)?> Bundle = new(Load);

    public static IResult Serve(HttpContext http)
    {
        if (Bundle.Value is not { } bundle)
            return Results.NotFound();
        if (http.Request.Headers.IfNoneMatch.ToString() == bundle.ETag)
            return Results.StatusCode(StatusCodes.Status304NotModified);
        var headers = http.Response.Headers;
        headers.ETag = bundle.ETag;
        headers.CacheControl = "public, max-age=3600";
        headers.Vary = "Accept-Encoding";
        const string type = "text/javascript; charset=utf-8";
        if (!bundle.Gzipped)
            return Results.Bytes(bundle.Content, type);
        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            return Results.Bytes(bundle.Content, type);
        }
        return Results.Stream(new GZipStream(new MemoryStream(bundle.Content), CompressionMode.Decompress), type);
    }

    private static (byte[], bool, string)? Load()
    {
        using var stream = typeof(ScalarOptions).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
            return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var gzipped = content.Length > 2 && content[0] == 0x1f && content[1] == 0x8b;
        return (content, gzipped, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }
}
