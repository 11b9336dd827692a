using Lapor.Host.Data;
using Lapor.Host.Delivery;
using Lapor.Workflows.ServiceTasks;

namespace Lapor.Host.ServiceTasks;

/// <summary>
/// Service tasks with <c>camunda:delegateExpression="${notify}"</c>. The element's properties say what to send:
/// <c>template</c> (e.g. reminder) and <c>to</c> (the name of the variable holding the recipient, e.g. agency).
/// The message goes to the outbox inside the engine's transaction, addressed to <c>agency:CODE</c> when the variable
/// holds an agency code; the dispatcher writes it for each staff member of that agency in their language when it sends.
/// </summary>
public sealed class NotifyHandler(LaporDb db, TimeProvider clock) : IServiceTaskHandler
{
    public const string Name = "notify";

    public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct)
    {
        var template = context.Properties.GetValueOrDefault("template")
                       ?? throw new InvalidOperationException($"Service task '{context.ActivityId}' needs a camunda:property 'template'.");
        var toVariable = context.Properties.GetValueOrDefault("to")
                         ?? throw new InvalidOperationException($"Service task '{context.ActivityId}' needs a camunda:property 'to' naming the recipient variable.");
        var recipient = context.Variables.GetValueOrDefault(toVariable)?.ToString()
                        ?? throw new InvalidOperationException($"Variable '{toVariable}' (recipient of '{context.ActivityId}') is not set.");
        db.Add(new OutboxMessage
        {
            ProcessInstanceId = context.ProcessInstanceId, BusinessKey = context.BusinessKey, Template = template,
            Recipient = recipient.Contains('@') ? recipient : StaffNotices.AgencyRecipient(recipient), CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
    }
}
