using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// Fills the configured database with generated articles (<see cref="ArticleComposer"/>). Generated articles
/// get no <see cref="ArticleRevision"/> (they were never edited; revisions would only double the database) and
/// no <see cref="ContentChange"/> (the search index is the portal's to rebuild). It refuses a database that
/// already holds more than <see cref="SafetyLimit"/> articles unless <c>--append</c> is given, so nobody fills
/// a real database by mistake.
/// </summary>
public static class DatasetWriter
{
    public const int SafetyLimit = 1_000;

    private const int RowsPerTransaction = 10_000;
    private const int RowsPerEfBatch = 1_000;
    private const string DemoContentResource = "DoJ.Portal.Data.Seeding.demo-content.json";

    // Columns not listed (thumbnail, user ids, deletion) stay NULL, as for an article typed by a byline only.
    private const string InsertSql = """
        INSERT INTO "Articles" ("Title", "Slug", "Summary", "Body", "CategoryId", "Author", "IsFeatured", "Status",
            "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc", "IsDeleted", "ConcurrencyStamp")
        VALUES (@Title, @Slug, @Summary, @Body, @CategoryId, @Author, @IsFeatured, @Status,
            @PublishedAtUtc, @CreatedAtUtc, @UpdatedAtUtc, @IsDeleted, @ConcurrencyStamp)
        """;

    /// <summary>Runs on a database the caller has brought up to date; returns the exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, GenerateOptions options, PhrasePools pools, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(output);
        var db = services.GetRequiredService<PortalDbContext>();
        var existing = await db.Articles.CountAsync(cancellationToken);
        if (existing > SafetyLimit && !options.Append)
        {
            await output.WriteLineAsync(Invariant($"The database already holds {existing:N0} articles: the generator is meant for an empty benchmark database. Add --append to add {options.Articles:N0} more anyway."));
            return 1;
        }

        var existingDocuments = await db.LegalDocuments.CountAsync(cancellationToken);
        if (existingDocuments > SafetyLimit && !options.Append && options.DocumentCount > 0)
        {
            await output.WriteLineAsync(Invariant($"The database already holds {existingDocuments:N0} documents: the generator is meant for an empty benchmark database. Add --append to add {options.DocumentCount:N0} more anyway."));
            return 1;
        }

        var existingAlbums = await db.Albums.CountAsync(cancellationToken);
        if (existingAlbums > SafetyLimit && !options.Append && options.AlbumCount > 0)
        {
            await output.WriteLineAsync(Invariant($"The database already holds {existingAlbums:N0} albums: the generator is meant for an empty benchmark database. Add --append to add {options.AlbumCount:N0} more anyway."));
            return 1;
        }

        var categories = await EnsureCategoriesAsync(db, cancellationToken);
        var firstNumber = (await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Appending to a database draws other articles than the first run did; an empty database always gets the same ones.
        var composer = new ArticleComposer(pools, new Random(options.Seed + firstNumber - 1), categories, options.Articles, now);
        var target = db.Database.IsSqlite() ? "SQLite " + db.Database.GetDbConnection().DataSource : db.Database.ProviderName;
        await output.WriteLineAsync(Invariant($"Generating {options.Articles:N0} articles into {target} (seed {options.Seed}, {categories.Count} categories, {existing:N0} articles already there)…"));

        var insertClock = Stopwatch.StartNew();
        if (db.Database.IsSqlite())
        {
            await InsertWithSqliteAsync(db, composer, firstNumber, options.Articles, output, cancellationToken);
        }
        else
        {
            await InsertWithEfAsync(db, composer, firstNumber, options.Articles, output, cancellationToken);
        }

        insertClock.Stop();
        await output.WriteLineAsync(Invariant($"Inserted {options.Articles:N0} articles in {insertClock.Elapsed.TotalSeconds:0.0} s ({options.Articles / insertClock.Elapsed.TotalSeconds:N0} rows/s); {composer.Published:N0} published, {options.Articles - composer.Published:N0} drafts, submitted or unpublished."));
        var storage = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        if (options.DocumentCount > 0)
        {
            await DocumentWriter.RunAsync(db, options, storage.FilesRoot, now, output, cancellationToken);
        }

        if (options.AlbumCount > 0)
        {
            await AlbumWriter.RunAsync(db, options, pools, storage.UploadsRoot, now, output, cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await ReportSqliteSizeAsync(db, output);
        }

        return 0;
    }

    /// <summary>The existing categories, or, in an empty database, the ten of the demo content.</summary>
    private static async Task<IReadOnlyList<Category>> EnsureCategoriesAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken);
        if (categories.Count > 0)
        {
            return categories;
        }

        await using var stream = typeof(PortalDbContext).Assembly.GetManifestResourceStream(DemoContentResource)
            ?? throw new InvalidOperationException($"Embedded resource {DemoContentResource} is missing.");
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        categories = json.RootElement.GetProperty("categories").EnumerateArray().Select((c, i) => new Category
        {
            Slug = c.GetProperty("slug").GetString() ?? "",
            Name = c.GetProperty("name").GetString() ?? "",
            Description = c.GetProperty("description").GetString() ?? "",
            SortOrder = (i + 1) * 10,
        }).ToList();
        db.Categories.AddRange(categories);
        // A menu, so the home page shows its category blocks as on a real portal (they follow the menu).
        if (!await db.MenuItems.AnyAsync(cancellationToken))
        {
            db.MenuItems.Add(new MenuItem { Title = "Trang chủ", Kind = MenuItemKind.Url, Url = "/", SortOrder = 10 });
            db.MenuItems.AddRange(categories.Select((c, i) => new MenuItem
            {
                Title = c.Name,
                Kind = MenuItemKind.Category,
                Category = c,
                SortOrder = (i + 2) * 10,
            }));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return categories;
    }

    /// <summary>
    /// Raw ADO.NET on the context's connection: one prepared INSERT, one transaction per
    /// <see cref="RowsPerTransaction"/> rows, and bulk-load pragmas for the duration only (the
    /// connection goes back to the pool afterwards, so they are restored).
    /// </summary>
    private static async Task InsertWithSqliteAsync(PortalDbContext db, ArticleComposer composer, int firstNumber, int count, TextWriter output, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var synchronous = await ScalarAsync(connection, "PRAGMA synchronous;", cancellationToken);
        var cacheSize = await ScalarAsync(connection, "PRAGMA cache_size;", cancellationToken);
        var tempStore = await ScalarAsync(connection, "PRAGMA temp_store;", cancellationToken);
        try
        {
            // The journal stays WAL (set by the initializer); skipping fsync and a 256 MiB page cache do the rest.
            await ExecuteAsync(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", cancellationToken);
            await using var insert = connection.CreateCommand();
            insert.CommandText = InsertSql;
            var p = new InsertParameters(insert);
            var clock = Stopwatch.StartNew();
            var done = 0;
            while (done < count)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                insert.Transaction = transaction;
                if (done == 0)
                {
                    await insert.PrepareAsync(cancellationToken);
                }

                var end = Math.Min(count, done + RowsPerTransaction);
                for (; done < end; done++)
                {
                    p.Set(composer.Next(firstNumber + done));
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                await ReportInsertedAsync(output, done, clock);
            }

            // Fold the write-ahead log into the database file, so its size on disk is the real one.
            await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, Invariant($"PRAGMA synchronous = {synchronous}; PRAGMA cache_size = {cacheSize}; PRAGMA temp_store = {tempStore};"), CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Other providers (SQL Server): EF Core batches, the change tracker cleared after each.</summary>
    private static async Task InsertWithEfAsync(PortalDbContext db, ArticleComposer composer, int firstNumber, int count, TextWriter output, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < count;)
        {
            var end = Math.Min(count, done + RowsPerEfBatch);
            var batch = new List<Article>(end - done);
            for (; done < end; done++)
            {
                batch.Add(composer.Next(firstNumber + done));
            }

            db.Articles.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (done % RowsPerTransaction == 0 || done == count)
            {
                await ReportInsertedAsync(output, done, clock);
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static Task ReportInsertedAsync(TextWriter output, int done, Stopwatch clock) =>
        output.WriteLineAsync(Invariant($"  {done:N0} articles inserted ({clock.Elapsed.TotalSeconds:0.0} s, {done / clock.Elapsed.TotalSeconds:N0} rows/s)"));

    private static Task ReportSqliteSizeAsync(PortalDbContext db, TextWriter output)
    {
        var file = db.Database.GetDbConnection().DataSource;
        return File.Exists(file)
            ? output.WriteLineAsync(Invariant($"Database file {file}: {new FileInfo(file).Length / 1048576.0:0.0} MiB."))
            : Task.CompletedTask;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Constant pragma text, no user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Pragma text built from constants and values read back from SQLite itself.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parameters of <see cref="InsertSql"/>, in the form EF Core's SQLite provider stores values.</summary>
    private sealed class InsertParameters
    {
        private readonly DbParameter title, slug, summary, body, categoryId, author, isFeatured, status, publishedAt, createdAt, updatedAt, isDeleted, stamp;

        public InsertParameters(DbCommand command)
        {
            title = Add(command, "@Title", DbType.String);
            slug = Add(command, "@Slug", DbType.String);
            summary = Add(command, "@Summary", DbType.String);
            body = Add(command, "@Body", DbType.String);
            categoryId = Add(command, "@CategoryId", DbType.Int32);
            author = Add(command, "@Author", DbType.String);
            isFeatured = Add(command, "@IsFeatured", DbType.Boolean);
            status = Add(command, "@Status", DbType.Int32);
            publishedAt = Add(command, "@PublishedAtUtc", DbType.DateTime);
            createdAt = Add(command, "@CreatedAtUtc", DbType.DateTime);
            updatedAt = Add(command, "@UpdatedAtUtc", DbType.DateTime);
            isDeleted = Add(command, "@IsDeleted", DbType.Boolean);
            stamp = Add(command, "@ConcurrencyStamp", DbType.String);
        }

        public void Set(Article a)
        {
            title.Value = a.Title;
            slug.Value = a.Slug;
            summary.Value = a.Summary;
            body.Value = a.Body;
            categoryId.Value = a.CategoryId;
            author.Value = a.Author;
            isFeatured.Value = a.IsFeatured;
            status.Value = (int)a.Status;
            publishedAt.Value = a.PublishedAtUtc is { } p ? p : DBNull.Value;
            createdAt.Value = a.CreatedAtUtc;
            updatedAt.Value = a.UpdatedAtUtc;
            isDeleted.Value = a.IsDeleted;
            // EF Core keeps a Guid in SQLite as upper-case text; Microsoft.Data.Sqlite alone would bind a blob.
            stamp.Value = a.ConcurrencyStamp.ToString("D").ToUpperInvariant();
        }

        private static DbParameter Add(DbCommand command, string name, DbType type)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
            return parameter;
        }
    }
}
