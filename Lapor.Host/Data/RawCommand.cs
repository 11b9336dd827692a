using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Host.Data;

/// <summary>
/// A plain ADO.NET command on the context's connection, for the few statements EF cannot say (an upsert that adds,
/// <c>DELETE … RETURNING</c>, a join with a list of moments), written in SQL both providers read the same way.
/// </summary>
internal static class RawCommand
{
    public static DbCommand Create(LaporDb db, string sql, IDbContextTransaction? transaction = null)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
