using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.ServiceTasks;

/// <summary>Handler names (as written in BPMN) mapped to handler types registered in DI.</summary>
public sealed class ServiceTaskRegistry
{
    private readonly Dictionary<string, Type> _handlers = new(StringComparer.Ordinal);

    public ServiceTaskRegistry(IEnumerable<ServiceTaskRegistration> registrations)
    {
        foreach (var registration in registrations)
            Add(registration.Name, registration.HandlerType);
    }

    public IReadOnlySet<string> Names => _handlers.Keys.ToHashSet();

    private void Add(string name, Type handlerType)
    {
        if (!typeof(IServiceTaskHandler).IsAssignableFrom(handlerType))
            throw new ArgumentException($"{handlerType.Name} does not implement {nameof(IServiceTaskHandler)}.", nameof(handlerType));
        _handlers[name] = handlerType;
    }

    public IServiceTaskHandler? Resolve(string name, IServiceProvider services) =>
        _handlers.TryGetValue(name, out var type) ? (IServiceTaskHandler)services.GetRequiredService(type) : null;
}
