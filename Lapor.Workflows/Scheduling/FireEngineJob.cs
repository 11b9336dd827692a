using Lapor.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lapor.Workflows.Scheduling;

/// <summary>The Quartz job behind every engine job: fires it through the engine, in a fresh DI scope.</summary>
[DisallowConcurrentExecution]
public sealed class FireEngineJob(IServiceScopeFactory scopes) : IJob
{
    public const string JobIdKey = "engineJobId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var jobId = context.MergedJobDataMap.GetString(JobIdKey);
        if (jobId is null)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        try
        {
            await engine.FireJobAsync(jobId, cancellationToken);
        }
        catch (Errors.WorkflowConflictException)
        {
            // Another node or the sweep fired it first; the row decides, so there is nothing to do.
        }
    }
}
