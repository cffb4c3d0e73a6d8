using System.Data;
using System.Data.Common;
using Deliberation.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Deliberation.Persistence;

/// <summary>
/// Inserts an import's chained rows with plain prepared commands inside the caller's transaction
/// (docs/performance.md, "Imports of any size"): EF Core's change tracking and per-row RETURNING cost
/// about four fifths of an import's time, and a staged row needs neither — nobody reads its position
/// before the promotion. One multi-row INSERT of <see cref="RowsPerStatement"/> rows, prepared once and
/// rebound, runs on every provider: the identifiers are double-quoted (SQLite, PostgreSQL, and SQL
/// Server with its default QUOTED_IDENTIFIER) and the parameters are named with @. It is the default of
/// <see cref="IDeliberationDatabaseProvider.InsertStagedEventsAsync"/>; SQLite binds by place instead.
/// </summary>
internal static class StagedEventInsert
{
    /// <summary>
    /// Ten parameters a row, 100 a statement. Not more: Microsoft.Data.Sqlite binds each parameter by its
    /// name, and SQLite finds a name by walking the statement's list of them, so binding costs the square
    /// of the parameters a statement has — at 200 rows (2,000 parameters) it was most of an import's CPU
    /// time (docs/performance.md, "Imports of any size").
    /// </summary>
    internal const int RowsPerStatement = 10;

    private static readonly (string Column, DbType Type)[] Columns =
    [
        ("StreamId", DbType.String), ("Scope", DbType.String), ("Version", DbType.Int64), ("Type", DbType.String),
        ("PayloadJson", DbType.String), ("OccurredAt", DbType.DateTimeOffset), ("Actor", DbType.String),
        ("Hash", DbType.String), ("Salt", DbType.String), ("Leaf", DbType.String),
    ];

    public static async Task InsertAsync(DatabaseFacade database, List<EventRow> rows, CancellationToken cancellationToken)
    {
        var connection = database.GetDbConnection();
        var transaction = database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Staged rows are inserted inside the append's transaction.");
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var count = Math.Min(RowsPerStatement, rows.Count - start);
                var command = count == RowsPerStatement
                    ? full ??= await CreateAsync(connection, transaction, count, cancellationToken)
                    : await CreateAsync(connection, transaction, count, cancellationToken);
                try
                {
                    Bind(command, rows, start, count);
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                finally
                {
                    if (command != full)
                        await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private static async Task<DbCommand> CreateAsync(DbConnection connection, DbTransaction transaction, int rowCount, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new System.Text.StringBuilder("INSERT INTO \"Events\" (");
        text.AppendJoin(", ", Columns.Select(c => $"\"{c.Column}\"")).Append(") VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < Columns.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{r}_{c}";
                parameter.DbType = Columns[c].Type;
                command.Parameters.Add(parameter);
                text.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
            }
            text.Append(')');
        }
        command.CommandText = text.ToString();
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private static void Bind(DbCommand command, List<EventRow> rows, int start, int count)
    {
        var parameters = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            var at = r * Columns.Length;
            parameters[at].Value = row.StreamId;
            parameters[at + 1].Value = row.Scope;
            parameters[at + 2].Value = row.Version;
            parameters[at + 3].Value = row.Type;
            parameters[at + 4].Value = row.PayloadJson;
            parameters[at + 5].Value = row.OccurredAt;
            parameters[at + 6].Value = row.Actor;
            parameters[at + 7].Value = row.Hash;
            parameters[at + 8].Value = row.Salt;
            parameters[at + 9].Value = row.Leaf;
        }
    }
}
