using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DoJ.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// The raw-insert path the document and album writers share on SQLite: prepared commands on the context's own
/// connection, <see cref="RowsPerTransaction"/> rows to a transaction with a progress line after each, and the
/// write-ahead log folded into the database file at the end, so its size on disk is the real one.
/// </summary>
internal static class SqliteBulk
{
    public const int RowsPerTransaction = 10_000;

    /// <summary>
    /// Creates a command for each of <paramref name="sql"/>, lets <paramref name="prepare"/> bind their parameters and
    /// return the insert of one row (given its index from 0), and runs it <paramref name="count"/> times.
    /// </summary>
    public static async Task InsertAsync(PortalDbContext db, IReadOnlyList<string> sql, int count, string noun, TextWriter output,
        Func<IReadOnlyList<DbCommand>, Func<int, CancellationToken, Task>> prepare, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var commands = new List<DbCommand>();
        try
        {
            foreach (var text in sql)
            {
                var command = connection.CreateCommand();
#pragma warning disable CA2100 // The writers' constant INSERT statements.
                command.CommandText = text;
#pragma warning restore CA2100
                commands.Add(command);
            }

            var insertRow = prepare(commands);
            var clock = Stopwatch.StartNew();
            for (var done = 0; done < count;)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                commands.ForEach(c => c.Transaction = transaction);
                for (var end = Math.Min(count, done + RowsPerTransaction); done < end; done++)
                {
                    await insertRow(done, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                await output.WriteLineAsync(Invariant($"  {done:N0} {noun} inserted ({clock.Elapsed.TotalSeconds:0.0} s)"));
            }

            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            foreach (var command in commands)
            {
                await command.DisposeAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    public static DbParameter Add(DbCommand command, string name, DbType type)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
