using Lapor.Host.Accounts;
using Lapor.Host.Api.EngineRest;
using Lapor.Host.Api.Reports;
using Lapor.Host.Audit;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Infrastructure;
using Lapor.Host.Localization;
using Lapor.Host.Notifications;
using Lapor.Host.Reports;
using Lapor.Host.ServiceTasks;
using Lapor.Host.Tasks;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot (and the npm files copied into wwwroot/lib) from the build output in every environment, not only in
// Development: a built host started directly would otherwise answer empty static files.
builder.WebHost.UseStaticWebAssets();
var options = builder.Configuration.GetSection(LaporOptions.Section).Get<LaporOptions>() ?? new LaporOptions();
builder.Services.AddSingleton(options);

builder.Services.AddLaporDatabase(options, builder.Environment);
// Cookies and antiforgery tokens are sealed with the Data Protection key ring. In the database, every host behind a
// load balancer reads what another issued; the fixed name shares the ring whatever folder a host is installed in.
builder.Services.AddDataProtection().SetApplicationName("Lapor").PersistKeysToDbContext<LaporDb>();
builder.Services.AddReverseProxy(options);
builder.Services.AddIdentity<LaporUser, IdentityRole>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 10;
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
builder.Services.AddAttachmentStore(options);
builder.Services.AddScoped<ReportIntake>();
builder.Services.AddScoped<ReportQueries>();
builder.Services.AddScoped<ReporterActions>();
builder.Services.AddScoped<TaskInbox>();
builder.Services.AddScoped<TaskWorkspace>();
builder.Services.AddScoped<TaskJournal>();
builder.Services.AddScoped<Colleagues>();
builder.Services.AddScoped<TaskHandOver>();
builder.Services.AddScoped<TaskNotifications>();
builder.Services.AddAuditViews();
builder.Services.AddLaporScheduling(options, builder.Environment);
builder.Services.AddProblemDetails();
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
});
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

// `verify-history [--instance ID]` checks the history chains and exits; the web server never starts.
if (VerifyHistoryCommand.IsRequested(args))
{
    await app.Services.PrepareDatabaseAsync();
    Environment.ExitCode = await VerifyHistoryCommand.RunAsync(app.Services, args, Console.Out);
    return;
}

await app.Services.PrepareDatabaseAsync();
await app.Services.SeedCatalogueAsync();
await app.Services.SeedDemoDataAsync(options);
await app.Services.DeployShippedWorkflowsAsync(options);
await app.Services.SeedDemoReportsAsync(options);

app.UseReverseProxy(options);
app.UseRequestLocalization();
// People get a page for 404/403/400; API clients keep their empty or problem-details responses.
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/engine-rest"),
    portal => portal.UseStatusCodePagesWithReExecute("/Status/{0}"));
// After the status-code pages, so a re-executed request is routed again to the status page.
app.UseRouting();
app.MapStaticAssets();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages().WithStaticAssets();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.MapEngineRestApi();
app.MapReportsApi();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the host tests.</summary>
public partial class Program;
