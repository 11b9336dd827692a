using System.Globalization;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// WHERE conditions with their values as numbered parameters, added only for the filters a query has: a null never
/// becomes a parameter, which PostgreSQL could not type. The first value is the full-text query itself ({0}).
/// </summary>
internal sealed class SqlConditions(object firstValue)
{
    private readonly List<string> _conditions = [];
    private readonly List<object> _values = [firstValue];

    public string Sql => _conditions.Count == 0 ? "TRUE" : string.Join(" AND ", _conditions);

    public object[] Values => _values.ToArray();

    /// <summary>Adds a condition whose own placeholders start at {0}; they are renumbered after the values so far.</summary>
    public void Add(string condition, params object[] values)
    {
        var offset = _values.Count;
        for (var i = values.Length - 1; i >= 0; i--)
            condition = condition.Replace("{" + i + "}", "{" + (i + offset).ToString(CultureInfo.InvariantCulture) + "}", StringComparison.Ordinal);
        _conditions.Add(condition);
        _values.AddRange(values);
    }
}
