using Lapor.Host.Accounts;
using Lapor.Host.Api.Docs;
using Lapor.Workflows.Rest;
using Lapor.Host.Api.Open311;
using Lapor.Host.Api.Reports;
using Lapor.Host.Audit;
using Lapor.Host.Backups;
using Lapor.Host.Data;
using Lapor.Host.Data.Schema;
using Lapor.Host.Delivery;
using Lapor.Host.Hardening;
using Lapor.Host.Inbox;
using Lapor.Host.Infrastructure;
using Lapor.Host.Localization;
using Lapor.Host.Maps;
using Lapor.Host.National;
using Lapor.Host.Notifications;
using Lapor.Host.Operations;
using Lapor.Host.Reports;
using Lapor.Host.ServiceTasks;
using Lapor.Host.SimilarReports;
using Lapor.Host.Tasks;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

// A backup or restore file name is no host setting (see BackupArguments.ForHost).
var builder = WebApplication.CreateBuilder(BackupArguments.ForHost(args));
// Serve wwwroot (and the npm files copied into wwwroot/lib) from the build output in every environment, not only in
// Development: a built host started directly would otherwise answer empty static files.
builder.WebHost.UseStaticWebAssets();
// Checked before anything uses them: a wrong setting stops the host with one line naming it, not a stack trace.
var options = LaporOptionsValidator.Bind(builder.Configuration, out var problems);
if (problems.Count > 0)
{
    StartupRefusal.Refuse(problems);
    return;
}
builder.Services.AddSingleton(options);
var rateLimits = RateLimitSettings.Bind(builder.Configuration);
if (rateLimits.Problems() is { Count: > 0 } rateLimitProblems)
{
    StartupRefusal.Refuse(rateLimitProblems);
    return;
}
builder.Services.AddLaporRateLimits(rateLimits);
var delivery = DeliverySettings.Bind(builder.Configuration);
if (delivery.Problems() is { Count: > 0 } deliveryProblems)
{
    StartupRefusal.Refuse(deliveryProblems);
    return;
}
var national = NationalSettings.Bind(builder.Configuration);
if (national.Problems() is { Count: > 0 } nationalProblems)
{
    StartupRefusal.Refuse(nationalProblems);
    return;
}
var map = MapSettings.Bind(builder.Configuration);
if (map.Problems() is { Count: > 0 } mapProblems)
{
    StartupRefusal.Refuse(mapProblems);
    return;
}
builder.Services.AddSingleton(map);
builder.Services.AddLaporDelivery(delivery, national);
builder.Services.AddLaporOperations(builder.Configuration);

builder.Services.AddLaporDatabase(options, builder.Environment);
// Cookies and antiforgery tokens are sealed with the Data Protection key ring. In the database, every host behind a
// load balancer reads what another issued; the fixed name shares the ring whatever folder a host is installed in.
builder.Services.AddDataProtection().SetApplicationName("Lapor").PersistKeysToDbContext<LaporDb>();
builder.Services.AddReverseProxy(options);
builder.Services.AddIdentity<LaporUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        // RateLimitSettings.LockoutThreshold: the per-address sign-in budget stays below it (checked at start-up).
        o.Lockout.MaxFailedAccessAttempts = RateLimitSettings.LockoutThreshold;
        o.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<LaporDb>()
    .AddClaimsPrincipalFactory<LaporClaimsPrincipalFactory>()
    .AddDefaultTokenProviders();
// A deactivated or changed account loses its signed-in sessions within a minute (Identity's default is 30).
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(o =>
    {
        o.Cookie.Name = "Lapor.Masuk";
        o.LoginPath = "/Akun/Masuk";
        o.LogoutPath = "/Akun/Keluar";
        o.AccessDeniedPath = "/Status/403";
    });
builder.Services.AddAuthentication()
    .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    // The engine API exposes every instance, task and variable: staff who run the process only, never reporters.
    .AddPolicy(EngineRestApi.Policy, p => p.AddAuthenticationSchemes(BasicAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser().RequireRole(Roles.Administrator, Roles.Coordinator));

builder.Services.AddSingleton(ShippedWorkflows.LoadCalendar(options));
builder.Services.AddWorkflowEngine<LaporDb>();
builder.Services.AddServiceTask<NotifyHandler>(NotifyHandler.Name);
builder.Services.AddScoped<IInstanceListener, ReportStageListener>();
builder.Services.AddSingleton<Lapor.Workflows.Definitions.IDefinitionRule, StageTextRule>();
builder.Services.AddSingleton<Lapor.Workflows.Definitions.IDefinitionRule, ReportStatusRule>();
builder.Services.AddAttachmentStore(options);
builder.Services.AddScoped<ReportIntake>();
builder.Services.AddScoped<ReportQueries>();
builder.Services.AddScoped<ReporterActions>();
builder.Services.AddSimilarReports();
builder.Services.AddOpen311();
builder.Services.AddLaporApiDocs();
builder.Services.AddScoped<TaskInbox>();
builder.Services.AddSingleton<LongInboxes>();
builder.Services.AddScoped<TaskWorkspace>();
builder.Services.AddScoped<TaskJournal>();
builder.Services.AddScoped<Colleagues>();
builder.Services.AddScoped<TaskHandOver>();
builder.Services.AddScoped<TaskNotifications>();
builder.Services.AddAuditViews();
builder.Services.AddLaporScheduling(options, builder.Environment, delivery);
// Every problem-details body carries the request's correlation id, which the log lines of that request carry too.
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Extensions["correlationId"] = c.HttpContext.TraceIdentifier;
    c.ProblemDetails.Extensions.Remove("exception");
});
builder.Services.AddExceptionHandler<UnhandledErrorHandler>();
// A request minimal APIs cannot bind gets a 400, never an exception with its stack trace (the default in Development).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
builder.Services.AddPortalLocalization();
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.AuthorizeFolder("/MyReports");
        // User management is enforced on the folder, so a page added there later cannot forget it.
        o.Conventions.AddFolderApplicationModelConvention("/Admin",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Administrator }));
        // Staff only, on the folder; which tasks each of them sees is decided again in TaskInbox's query.
        o.Conventions.AddFolderApplicationModelConvention("/Inbox",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = TaskInbox.StaffRoles }));
        o.Conventions.AddFolderApplicationModelConvention("/Notifications",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = TaskInbox.StaffRoles }));
        // The designer publishes what every report runs: coordinators and administrators only, on every handler.
        o.Conventions.AddFolderApplicationModelConvention("/Designer",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = $"{Roles.Coordinator},{Roles.Administrator}" }));
        // Audit pages read only; the Ombudsman's narrower view (escalated cases) is checked again per case.
        o.Conventions.AddFolderApplicationModelConvention("/Audit",
            page => page.EndpointMetadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = AuditAccess.Roles }));
    }).AddViewLocalization();
// Razor Pages validate the token on every POST; a strict, named cookie keeps it off cross-site requests.
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "Lapor.Antiforgery";
    o.Cookie.SameSite = SameSiteMode.Strict;
    // Said here too, not only by the cookie policy, which sees only cookies written after it in the pipeline.
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
// Every cookie (sign-in, antiforgery, language, TempData) is Secure whenever the request came over HTTPS (directly or
// through a trusted proxy), so plain http on 127.0.0.1 keeps working; no script of ours reads a cookie, and none is
// sent along with a cross-site POST.
builder.Services.Configure<CookiePolicyOptions>(o =>
{
    o.Secure = CookieSecurePolicy.SameAsRequest;
    o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
    o.MinimumSameSitePolicy = SameSiteMode.Lax;
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

// `backup <file>` copies the database (the host may be running); `restore <file>` puts a backup in place (host
// stopped). Neither prepares or seeds the database first: a backup must copy what is there, and a restore must find
// the data folder as the operator left it.
if (BackupCommand.IsRequested(args))
{
    Environment.ExitCode = await BackupCommand.RunAsync(app.Services, args, Console.Out);
    return;
}
if (RestoreCommand.IsRequested(args))
{
    Environment.ExitCode = await RestoreCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

// `migrate [--script]` brings the schema up to date (or prints the SQL) and exits; the web server never starts.
if (MigrateCommand.IsRequested(args))
{
    Environment.ExitCode = await MigrateCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

// `verify-history [--instance ID]` checks the history chains and exits; the web server never starts.
if (VerifyHistoryCommand.IsRequested(args))
{
    await app.Services.PrepareDatabaseAsync();
    Environment.ExitCode = await VerifyHistoryCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

// Migrations run before anything else touches the database; a database Lapor will not migrate stops the host with
// one line saying why, never a half-started site.
try
{
    await app.Services.PrepareDatabaseAsync();
}
catch (SchemaException e)
{
    StartupRefusal.Refuse([e.Message]);
    return;
}
// A database without an administrator gets one now, or the host refuses (demo data off and no password configured).
if (await app.Services.EnsureAdministratorAsync(options) is { } refusal)
{
    StartupRefusal.Refuse([refusal]);
    return;
}
await app.Services.SeedCatalogueAsync();
await app.Services.SeedDemoDataAsync(options);
await app.Services.DeployShippedWorkflowsAsync(options);
await app.Services.SeedDemoReportsAsync(options);

// Forwarded headers first, so everything after sees the client's address and scheme (off unless proxies are named).
app.UseReverseProxy(options);
// Security headers before anything can answer, so error pages and static files carry them too.
app.UseMiddleware<SecurityHeaders>();
app.UseCookiePolicy();
// Then, in every environment: an unhandled error is logged with its correlation id and answered without any detail of
// the exception (UnhandledErrorHandler).
app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Status/500" });
app.UseRequestLocalization();
// People get a page for 404/403/400; API clients get problem details for an error status that has no body yet.
app.UseWhen(http => !ApiPaths.Match(http.Request.Path), portal => portal.UseStatusCodePagesWithReExecute("/Status/{0}"));
app.UseWhen(http => ApiPaths.Match(http.Request.Path), api => api.UseStatusCodePages());
// Inside the line above, so Open311 clients get GeoReport's error list first and the problem details never run.
app.UseWhen(http => Open311Api.Match(http.Request.Path), open311 => open311.UseStatusCodePages(Open311StatusPages.WriteAsync));
// After the status-code pages, so a re-executed request is routed again to the status page.
app.UseRouting();
app.MapStaticAssets();
app.UseAuthentication();
// After authentication (signed-in submitters have their own budget) and after the status-code pages (a rejected page
// request is re-executed to /Status/429, which no budget covers).
app.UseRateLimiter();
app.UseAuthorization();

app.MapRazorPages().WithStaticAssets();
app.MapOperationsEndpoints();
app.MapEngineRestApi();
app.MapReportsApi();
app.MapSimilarReportsApi();
app.MapOpen311();
app.MapLaporApiDocs();
app.MapNationalApi();
// Only on a benchmark's throw-away host (Lapor:Benchmark:BareEndpoint); see BareWriteEndpoint.
await app.MapBareWriteEndpointAsync();

// Resolved before the run: once it returns, the services are disposed.
var schedulerStop = app.Services.GetRequiredService<SchedulerStop>();
app.Run();
// The scheduler was left running at shutdown: its own threads would keep the process alive. Only when this process is
// the host itself: a test host runs this code in the test runner's process, which must go on.
if (schedulerStop.GaveUp && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly)
    Environment.Exit(1);

/// <summary>Exposed for WebApplicationFactory in the host tests.</summary>
public partial class Program;
