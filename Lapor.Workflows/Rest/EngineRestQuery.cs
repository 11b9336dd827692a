using System.Globalization;
using Lapor.Workflows.Errors;
using Microsoft.AspNetCore.Http;

namespace Lapor.Workflows.Rest;

/// <summary>
/// Query-string parameters read by hand, so that a bad value is a Camunda-shaped 400 naming the parameter
/// (minimal-API binding would answer an empty 400 before our error filter runs).
/// </summary>
internal static class EngineRestQuery
{
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;

    public static bool Flag(HttpRequest request, string name) => Bool(request, name) ?? false;

    public static bool? Bool(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var t when bool.TryParse(t, out var b) => b,
        var t => throw Invalid(name, t, "true or false"),
    };

    public static int? Int(HttpRequest request, string name) => Text(request, name) switch
    {
        null => null,
        var t when int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 => i,
        var t => throw Invalid(name, t, "a whole number of at least 0"),
    };

    /// <summary>A date parameter as UTC, the way the engine stores times.</summary>
    public static DateTime? Date(HttpRequest request, string name) =>
        Text(request, name) is { } t ? CamundaDate.Parse(t, name).UtcDateTime : null;

    /// <summary>Comma-separated values (Camunda's list parameters such as candidateGroups).</summary>
    public static List<string>? List(HttpRequest request, string name) =>
        Text(request, name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// The sort key, one of <paramref name="allowed"/> (or <paramref name="fallback"/> when absent), and whether it is
    /// descending. Camunda wants sortBy and sortOrder together; a lone sortBy is taken as ascending.
    /// </summary>
    public static (string By, bool Descending) Sort(HttpRequest request, string fallback, params string[] allowed)
    {
        var by = Text(request, "sortBy") ?? fallback;
        if (!allowed.Contains(by, StringComparer.Ordinal))
            throw Invalid("sortBy", by, string.Join(", ", allowed));
        var descending = Text(request, "sortOrder") switch
        {
            null or "asc" => false,
            "desc" => true,
            var t => throw Invalid("sortOrder", t, "asc or desc"),
        };
        return (by, descending);
    }

    /// <summary>Camunda's firstResult/maxResults paging.</summary>
    public static IQueryable<T> Page<T>(IQueryable<T> query, HttpRequest request)
    {
        if (Int(request, "firstResult") is { } first)
            query = query.Skip(first);
        if (Int(request, "maxResults") is { } max)
            query = query.Take(max);
        return query;
    }

    public static IEnumerable<T> Page<T>(IEnumerable<T> items, HttpRequest request)
    {
        if (Int(request, "firstResult") is { } first)
            items = items.Skip(first);
        if (Int(request, "maxResults") is { } max)
            items = items.Take(max);
        return items;
    }

    public static IOrderedEnumerable<T> Order<T, TKey>(IEnumerable<T> items, Func<T, TKey> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    public static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> items, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    private static WorkflowException Invalid(string name, string value, string expected) =>
        new($"Cannot set query parameter '{name}' to value '{value}': expected {expected}.", "InvalidRequestException");
}
