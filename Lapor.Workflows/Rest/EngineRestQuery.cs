using System.Globalization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Queries;
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

    /// <summary>The sort key as the engine names it: <paramref name="keys"/> maps Camunda's sortBy values.</summary>
    public static (TKey By, bool Descending) Sort<TKey>(HttpRequest request, string fallback, IReadOnlyDictionary<string, TKey> keys)
    {
        var (by, descending) = Sort(request, fallback, keys.Keys.ToArray());
        return (keys[by], descending);
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

    /// <summary>Camunda's firstResult/maxResults for a history list, which the database applies.</summary>
    public static HistoryPage Page(HttpRequest request) => new() { Skip = Int(request, "firstResult"), Take = Int(request, "maxResults") };

    public static IOrderedQueryable<T> Order<T, TKey>(IQueryable<T> items, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? items.OrderByDescending(key) : items.OrderBy(key);

    private static WorkflowException Invalid(string name, string value, string expected) =>
        new($"Cannot set query parameter '{name}' to value '{value}': expected {expected}.", "InvalidRequestException");
}
