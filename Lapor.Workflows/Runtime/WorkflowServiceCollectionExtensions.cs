using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Expressions;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Scheduling;
using Lapor.Workflows.ServiceTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lapor.Workflows.Runtime;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine on the host's DbContext <typeparamref name="TDb"/> (which must include
    /// <see cref="WorkflowModel"/>). Jobs run only through <see cref="WorkflowEngine.RunDueJobsAsync"/>
    /// unless an <see cref="IJobScheduler"/> such as <see cref="QuartzJobScheduler"/> is registered.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine<TDb>(this IServiceCollection services) where TDb : DbContext
    {
        // Jobs reach the scheduler only after the transaction holding their rows commits, which may be the caller's.
        services.ConfigureDbContext<TDb>(o => o.AddInterceptors(AfterCommitInterceptor.Instance));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WorkflowMetrics>();
        services.TryAddSingleton<IJobScheduler, ManualJobScheduler>();
        services.TryAddSingleton(_ => BusinessCalendar.Plain(CalendarZones.Wita));
        services.AddSingleton<DefinitionCache>();
        services.AddSingleton<DecisionCache>();
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<ServiceTaskRegistry>();
        // Built by hand: every command gets a new engine, and reflection-based activation costs more than the wiring.
        services.AddScoped(sp => new WorkflowEngine(
            sp.GetRequiredService<TDb>(), sp.GetRequiredService<DefinitionCache>(), sp.GetRequiredService<ExpressionEvaluator>(),
            sp.GetRequiredService<BusinessCalendar>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IJobScheduler>(),
            sp.GetRequiredService<ServiceTaskRegistry>(), sp, sp.GetRequiredService<WorkflowMetrics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<WorkflowEngine>>()));
        services.AddScoped<KeptConnectionLease>();
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<Deployer>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<ProcessDesigns>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => new DecisionDefinitions(sp.GetRequiredService<TDb>(), sp.GetRequiredService<DecisionCache>()));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<DecisionDesigns>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<OperationLog>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => new HistoryVerifier(sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => new Queries.HistoryQuery(sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<ProcessQueries>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<MigrationBatches>(sp, sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => new TaskQuery(sp.GetRequiredService<TDb>()));
        services.AddScoped(sp => new InstanceQuery(sp.GetRequiredService<TDb>()));
        return services;
    }

    /// <summary>Makes <typeparamref name="THandler"/> the handler of service tasks that name <paramref name="name"/>.</summary>
    public static IServiceCollection AddServiceTask<THandler>(this IServiceCollection services, string name) where THandler : class, IServiceTaskHandler
    {
        services.TryAddScoped<THandler>();
        services.AddSingleton(new ServiceTaskRegistration(name, typeof(THandler)));
        return services;
    }
}
