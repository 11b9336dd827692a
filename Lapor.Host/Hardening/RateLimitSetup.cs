using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Lapor.Host.Api.Open311;
using Lapor.Host.Infrastructure;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Hardening;

/// <summary>
/// One global limiter that picks a budget by path; requests outside the listed paths are never limited. Password
/// checks are budgeted where they happen, by <see cref="PasswordThrottle"/>.
/// </summary>
public static class RateLimitSetup
{
    public static IServiceCollection AddLaporRateLimits(this IServiceCollection services, RateLimitSettings settings) =>
        services.AddSingleton(settings).AddSingleton<PasswordThrottle>().AddRateLimiter(o =>
        {
            if (!settings.Enabled)
            {
                return;
            }
            // Partitioned limiters drop idle partitions, so spoofed addresses cannot grow memory without bound.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, settings));
            o.OnRejected = RejectAsync;
        });

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitSettings settings)
    {
        var path = http.Request.Path;
        var post = HttpMethods.IsPost(http.Request.Method);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments("/Lacak") || path.StartsWithSegments("/api/reports/track"))
        {
            return Window($"track:{address}", settings.Tracking);
        }
        if (path.StartsWithSegments(SimilarReports.SimilarReportsApi.Path))
        {
            return Window($"similar:{address}", settings.SimilarReports);
        }
        // Open311 filings come from partner applications as guests: they draw on the same per-address budget.
        if (post && (path.Equals("/api/reports") || path.StartsWithSegments("/Laporan/Buat") || Open311Api.IsSubmission(http.Request)))
        {
            return http.User.Identity?.IsAuthenticated == true
                ? Window($"submit-user:{http.User.Identity.Name}", settings.SignedInSubmissions)
                : Window($"submit:{address}", settings.AnonymousSubmissions);
        }
        if (post && path.StartsWithSegments("/Akun/Daftar"))
        {
            return Window($"register:{address}", settings.Registrations);
        }
        return RateLimitPartition.GetNoLimiter("none");
    }

    private static RateLimitPartition<string> Window(string key, RateLimitSettings.Budget budget) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = budget.PermitLimit,
            Window = budget.Window,
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        await RefuseAsync(http, retry);
    }

    /// <summary>
    /// 429 with Retry-After. API callers get problem details (Open311 clients GeoReport's error list) in the language
    /// their API speaks; a page request gets an empty 429, which the status-code pages re-execute to /Status/429 in
    /// the reader's language.
    /// </summary>
    public static async Task RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = PasswordThrottle.Seconds(retryAfter);
        // Operators need to see a flood or a password-guessing run; the address is what the budget was keyed on.
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitSetup))
            .LogWarning("Rate limit: {Method} {Path} from {Address} refused, retry after {Seconds} s",
                http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress, seconds);
        http.Response.StatusCode = (int)HttpStatusCode.TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var path = http.Request.Path;
        if (!ApiPaths.Match(path))
        {
            return;
        }
        using var language = ApiLanguageProvider.Use(http.Request, path);
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<PortalText>>();
        if (Open311Api.Match(path))
        {
            await Open311Reply.Error(Open311StatusPages.FormatOf(path), StatusCodes.Status429TooManyRequests,
                text["Api.Open311.TooManyRequests", seconds]).ExecuteAsync(http);
            return;
        }
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = text["Api.TooManyRequests.Title"],
                Detail = text["Api.TooManyRequests.Detail", seconds],
            },
        });
    }
}
