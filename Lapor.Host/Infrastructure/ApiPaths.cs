namespace Lapor.Host.Infrastructure;

/// <summary>Paths answered to programs (JSON, problem details) rather than to people (pages).</summary>
public static class ApiPaths
{
    private static readonly PathString[] Roots = ["/api", "/engine-rest", "/health", "/metrics", "/open311", "/openapi"];

    public static bool Match(PathString path) => Roots.Any(path.StartsWithSegments);
}
