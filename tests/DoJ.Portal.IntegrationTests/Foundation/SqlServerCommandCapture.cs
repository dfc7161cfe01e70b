using System.Collections;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary>
/// Lets the real repository code run on a SQL Server-configured context without a server: the connection is never
/// opened, transactions are pretend, and every command EF Core would send is recorded instead of executed. Queries get
/// no rows, except aggregates (<c>COUNT</c>, <c>MAX</c>…), which get one row of zeros and nulls so that the query after
/// them is reached too.
/// </summary>
public sealed class SqlServerCommandCapture : DbCommandInterceptor, IDbConnectionInterceptor, IDbTransactionInterceptor
{
    private readonly List<string> commands = [];

    public IReadOnlyList<string> Commands => commands;

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        InterceptionResult<DbCommand>.SuppressWithResult(new CapturedCommand(commands));

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        InterceptionResult<DbTransaction>.SuppressWithResult(new PretendTransaction(connection));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new PretendTransaction(connection)));

    private sealed class PretendTransaction(DbConnection connection) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    /// <summary>Records its text when executed. Parameters are SQL Server's own, which the provider's type mappings expect.</summary>
    private sealed class CapturedCommand(List<string> commands) : DbCommand
    {
        private readonly SqlCommand parameters = new();

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; }

        protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override void Prepare()
        {
        }

        public override int ExecuteNonQuery()
        {
            commands.Add(CommandText);
            return 0;
        }

        public override object? ExecuteScalar()
        {
            commands.Add(CommandText);
            return null;
        }

        protected override DbParameter CreateDbParameter() => parameters.CreateParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            commands.Add(CommandText);
            var aggregate = System.Text.RegularExpressions.Regex.IsMatch(
                CommandText, @"^\s*SELECT\s+(COUNT|COUNT_BIG|MAX|MIN|SUM)\(", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            return new DefaultsReader(aggregate ? 1 : 0);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                parameters.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary><paramref name="rows"/> rows in which every value is null or zero.</summary>
    private sealed class DefaultsReader(int rows) : DbDataReader
    {
        private const int Columns = 64;
        private int read;

        public override int FieldCount => Columns;

        public override bool HasRows => rows > 0;

        public override bool IsClosed => false;

        public override int RecordsAffected => 0;

        public override int Depth => 0;

        public override object this[int ordinal] => DBNull.Value;

        public override object this[string name] => DBNull.Value;

        public override bool Read() => read++ < rows;

        public override bool NextResult() => false;

        public override bool IsDBNull(int ordinal) => true;

        public override T GetFieldValue<T>(int ordinal) => default!;

        public override bool GetBoolean(int ordinal) => false;

        public override byte GetByte(int ordinal) => 0;

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;

        public override char GetChar(int ordinal) => '\0';

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;

        public override string GetDataTypeName(int ordinal) => "sql_variant";

        public override DateTime GetDateTime(int ordinal) => default;

        public override decimal GetDecimal(int ordinal) => 0;

        public override double GetDouble(int ordinal) => 0;

        public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();

        public override Type GetFieldType(int ordinal) => typeof(object);

        public override float GetFloat(int ordinal) => 0;

        public override Guid GetGuid(int ordinal) => Guid.Empty;

        public override short GetInt16(int ordinal) => 0;

        public override int GetInt32(int ordinal) => 0;

        public override long GetInt64(int ordinal) => 0;

        public override string GetName(int ordinal) => "c" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override int GetOrdinal(string name) => 0;

        public override string GetString(int ordinal) => "";

        public override object GetValue(int ordinal) => DBNull.Value;

        public override int GetValues(object[] values) => 0;
    }
}
