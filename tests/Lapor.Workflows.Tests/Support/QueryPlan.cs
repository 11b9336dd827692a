using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Support;

/// <summary>What SQLite's planner means to do with a statement (<c>EXPLAIN QUERY PLAN</c>), its steps joined by " | ".</summary>
internal static partial class QueryPlan
{
    /// <param name="sql">A statement as EF sent it, or as <c>ToQueryString</c> prints it (its <c>.param</c> lines are dropped).</param>
    /// <param name="parameterValue">Bound to every <c>@name</c> the statement uses: a plan depends on the SQL, not the values.</param>
    public static async Task<string> OfAsync(DbContext db, string sql, object? parameterValue = null)
    {
        var statement = string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in Parameter().Matches(statement).Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, parameterValue ?? DBNull.Value);
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return string.Join(" | ", steps);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
