using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Navigation;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;
using DoJ.Portal.Search;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Web.Startup;

/// <summary>
/// The <c>generate</c> command: fills the configured database with realistic Vietnamese articles for
/// benchmarks (<c>generate --articles 100000 [--seed N] [--append]</c>), then rebuilds the search index.
/// Titles and bodies are composed from phrase pools of a Sở Tư pháp's news; a seeded
/// <see cref="Random"/> makes a run on an empty database repeatable. Generated articles get no
/// <see cref="ArticleRevision"/> (they were never edited; revisions would only double the database).
/// It refuses a database that already holds more than <see cref="SafetyLimit"/> articles unless
/// <c>--append</c> is given, so nobody fills a real database by mistake.
/// </summary>
public static class DatasetGenerator
{
    public const string Command = "generate";
    public const int SafetyLimit = 1_000;
    public const int DefaultArticles = 100_000;
    public const int DefaultSeed = 20_260_401;

    private const int MaxArticles = 5_000_000;
    private const int RowsPerTransaction = 10_000;
    private const int RowsPerEfBatch = 1_000;
    private const int YearsBack = 15;
    private const string DemoContentResource = "DoJ.Portal.Data.Seeding.demo-content.json";

    private const string Usage = "Usage: generate [--articles N] [--seed N] [--append]   (default 100000 articles, seed 20260401)";

    // Columns not listed (thumbnail, user ids, deletion) stay NULL, as for an article typed by a byline only.
    private const string InsertSql = """
        INSERT INTO "Articles" ("Title", "Slug", "Summary", "Body", "CategoryId", "Author", "IsFeatured", "Status",
            "PublishedAtUtc", "CreatedAtUtc", "UpdatedAtUtc", "IsDeleted", "ConcurrencyStamp")
        VALUES (@Title, @Slug, @Summary, @Body, @CategoryId, @Author, @IsFeatured, @Status,
            @PublishedAtUtc, @CreatedAtUtc, @UpdatedAtUtc, @IsDeleted, @ConcurrencyStamp)
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (!TryParse(args, out var options))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var existing = await db.Articles.CountAsync(cancellationToken);
        if (existing > SafetyLimit && !options.Append)
        {
            await output.WriteLineAsync(Invariant($"The database already holds {existing:N0} articles: generate is meant for an empty benchmark database. Add --append to add {options.Articles:N0} more anyway."));
            return 1;
        }

        var categories = await EnsureCategoriesAsync(db, cancellationToken);
        var firstNumber = (await db.Articles.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Appending to a database draws other articles than the first run did; an empty database always gets the same ones.
        var composer = new ArticleComposer(new Random(options.Seed + firstNumber - 1), categories, options.Articles, now);
        var provider = db.Database.IsSqlite() ? "SQLite" : db.Database.ProviderName;
        await output.WriteLineAsync(Invariant($"Generating {options.Articles:N0} articles into {provider} (seed {options.Seed}, {categories.Count} categories, {existing:N0} articles already there)…"));

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
        if (db.Database.IsSqlite())
        {
            await ReportSqliteSizeAsync(db, output);
        }

        await output.WriteLineAsync("Rebuilding the search index…");
        var index = services.GetRequiredService<SearchIndex>();
        var indexClock = Stopwatch.StartNew();
        var indexed = await index.RebuildAsync(services.GetRequiredService<ArticleRepository>(), new RateProgress(output, indexClock, "indexed"), cancellationToken);
        indexClock.Stop();
        await output.WriteLineAsync(Invariant($"Search index rebuilt: {indexed:N0} articles in {indexClock.Elapsed.TotalSeconds:0.0} s ({indexed / indexClock.Elapsed.TotalSeconds:N0} articles/s)."));
        return 0;
    }

    private sealed record GenerateOptions(int Articles, int Seed, bool Append);

    /// <summary>Reads the arguments itself: the configuration binder would take <c>--append --articles</c> as append = "--articles".</summary>
    private static bool TryParse(IReadOnlyList<string> args, out GenerateOptions options)
    {
        options = new GenerateOptions(DefaultArticles, DefaultSeed, false);
        for (var i = 1; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--append":
                    options = options with { Append = true };
                    break;
                case "--articles" or "--seed":
                    var text = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        return false;
                    }

                    options = name == "--seed" ? options with { Seed = value } : options with { Articles = value };
                    break;
                default:
                    return false;
            }
        }

        return options.Articles is > 0 and <= MaxArticles;
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

    /// <summary>Prints a line every 10,000 articles with the rate so far, on the calling thread.</summary>
    private sealed class RateProgress(TextWriter output, Stopwatch clock, string verb) : IProgress<int>
    {
        private int lastPrinted;

        public void Report(int value)
        {
            if (value - lastPrinted >= RowsPerTransaction)
            {
                lastPrinted = value;
                output.WriteLine(Invariant($"  {value:N0} articles {verb} ({clock.Elapsed.TotalSeconds:0.0} s, {value / clock.Elapsed.TotalSeconds:N0}/s)"));
            }
        }
    }

    /// <summary>
    /// Composes one article after another: publish times spread over the last fifteen years in
    /// ascending order (ids grow with time, as on a real portal), on Vietnamese office hours, and
    /// titles and HTML bodies of three to eight paragraphs drawn from the pools of <see cref="Pools"/>.
    /// Call <see cref="Next"/> at most <c>count</c> times.
    /// </summary>
    private sealed class ArticleComposer(Random random, IReadOnlyList<Category> categories, int count, DateTime nowUtc)
    {
        private readonly double[] cumulativeWeights = CumulativeWeights(categories);
        private readonly DateTime[] localTimes = LocalTimes(random, count, nowUtc);
        private readonly StringBuilder text = new(8192);
        private readonly HashSet<string> used = new(StringComparer.Ordinal);
        private int next;
        private Slots slots = null!;

        public int Published { get; private set; }

        /// <param name="number">Unique among generated articles; ends the slug.</param>
        public Article Next(int number)
        {
            var category = PickCategory();
            var topic = Pools.Topics.TryGetValue(category.Slug, out var known) ? known : Pick(Pools.AllTopics);
            var local = localTimes[next++];
            used.Clear();
            slots = new Slots(local, Pick(Pools.Places), Pick(Pools.Districts), Pick(Pools.Laws), random.Next(2, 60));
            var title = Fill(Pick(topic.Titles));
            var (summary, body) = topic.IsQuestion ? QuestionBody(title, topic) : NewsBody(topic);

            var roll = random.NextDouble();
            var status = roll switch
            {
                < 0.97 => ArticleStatus.Published,
                < 0.99 => ArticleStatus.Draft,
                < 0.995 => ArticleStatus.Submitted,
                _ => ArticleStatus.Unpublished,
            };
            var at = VietnamTime.ToUtc(local);
            var created = at.AddMinutes(-random.Next(20, 2 * 24 * 60));
            var updated = status == ArticleStatus.Unpublished ? Min(at.AddDays(random.Next(1, 60)), nowUtc) : at;
            Published += status == ArticleStatus.Published ? 1 : 0;
            var suffix = "-" + number.ToString(CultureInfo.InvariantCulture);
            return new Article
            {
                Title = title,
                Slug = Slug.From(title, Slug.DefaultMaxLength - suffix.Length) + suffix,
                Summary = summary,
                Body = body,
                CategoryId = category.Id,
                Author = Pick(Pools.Authors),
                IsFeatured = status == ArticleStatus.Published && random.NextDouble() < 0.015,
                Status = status,
                PublishedAtUtc = status is ArticleStatus.Published or ArticleStatus.Unpublished ? at : null,
                CreatedAtUtc = created,
                UpdatedAtUtc = status is ArticleStatus.Draft or ArticleStatus.Submitted ? at : updated,
                ConcurrencyStamp = GuidFrom(random),
            };
        }

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

        private static Guid GuidFrom(Random random)
        {
            Span<byte> bytes = stackalloc byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private static double[] CumulativeWeights(IReadOnlyList<Category> categories)
        {
            var weights = new double[categories.Count];
            var sum = 0.0;
            for (var i = 0; i < categories.Count; i++)
            {
                sum += Pools.Topics.TryGetValue(categories[i].Slug, out var topic) ? topic.Weight : 1.0;
                weights[i] = sum;
            }

            return weights;
        }

        private Category PickCategory()
        {
            var roll = random.NextDouble() * cumulativeWeights[^1];
            var i = Array.BinarySearch(cumulativeWeights, roll);
            return categories[Math.Min(i < 0 ? ~i : i, categories.Count - 1)];
        }

        /// <summary>
        /// <paramref name="count"/> publish times, ascending: a uniformly drawn day of the last fifteen
        /// years, moved back to the Friday nine times out of ten when it falls on a weekend, at 07:30–11:30 or 13:30–17:00 Vietnam time,
        /// now and then an evening.
        /// </summary>
        private static DateTime[] LocalTimes(Random random, int count, DateTime nowUtc)
        {
            var today = VietnamTime.DayOf(nowUtc);
            var days = today.DayNumber - today.AddYears(-YearsBack).DayNumber;
            var times = new DateTime[count];
            for (var i = 0; i < count; i++)
            {
                var day = today.AddDays(-random.Next(1, days + 1));
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && random.NextDouble() < 0.9)
                {
                    day = day.AddDays(day.DayOfWeek is DayOfWeek.Saturday ? -1 : -2);
                }

                var minutes = random.NextDouble() switch
                {
                    < 0.55 => random.Next(7 * 60 + 30, 11 * 60 + 30),
                    < 0.95 => random.Next(13 * 60 + 30, 17 * 60),
                    _ => random.Next(19 * 60, 22 * 60),
                };
                times[i] = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes).AddSeconds(random.Next(60));
            }

            Array.Sort(times);
            return times;
        }

        private (string Summary, string Body) NewsBody(Topic topic)
        {
            var lead = Fill(Pick(Pools.Openings)).Replace("{event}", Fill(Pick(topic.Events)), StringComparison.Ordinal);
            lead = Capitalize(lead);
            var second = Fill(Fresh(topic.Sentences));
            text.Clear().Append("<p>").Append(lead).Append(' ').Append(second).Append("</p>");
            var paragraphs = random.Next(3, 9);
            // A rare subject (floods) in about 0.3 % of the articles, so the benchmark has a rare word.
            var rareParagraph = random.NextDouble() < 0.003 ? random.Next(1, paragraphs - 1) : -1;
            for (var i = 1; i < paragraphs; i++)
            {
                if (i == paragraphs - 1)
                {
                    AppendParagraph(topic, Pick(Pools.Closings));
                }
                else if (random.NextDouble() < 0.12)
                {
                    AppendTaskList();
                }
                else
                {
                    AppendParagraph(topic, i == rareParagraph ? Pick(Pools.Rare) : null);
                }
            }

            return (lead + " " + second, text.ToString());
        }

        private (string Summary, string Body) QuestionBody(string question, Topic topic)
        {
            var answer = Fill(Fresh(topic.Sentences));
            text.Clear()
                .Append("<p><strong>Hỏi:</strong> ").Append(question).Append(" (Bạn đọc ").Append(Pick(Pools.Readers)).Append(", ").Append(slots.Place).Append(")</p>")
                .Append("<p><strong>Trả lời:</strong> ").Append(answer).Append(' ').Append(Fill(Fresh(topic.Sentences))).Append("</p>");
            var paragraphs = random.Next(3, 9);
            for (var i = 2; i < paragraphs; i++)
            {
                AppendParagraph(topic, null);
            }

            return (answer, text.ToString());
        }

        private void AppendParagraph(Topic topic, string? last)
        {
            text.Append("<p>");
            var sentences = random.Next(3, 5);
            for (var s = 0; s < sentences; s++)
            {
                var pool = random.NextDouble() < 0.7 ? topic.Sentences : Pools.General;
                text.Append(s == 0 ? "" : " ").Append(Fill(Fresh(pool)));
            }

            if (last is not null)
            {
                text.Append(' ').Append(Fill(last));
            }

            text.Append("</p>");
        }

        private void AppendTaskList()
        {
            text.Append("<p><strong>Nhiệm vụ trọng tâm thời gian tới:</strong></p><ul>");
            var first = random.Next(Pools.Tasks.Length);
            var count = random.Next(3, 6);
            for (var i = 0; i < count; i++)
            {
                text.Append("<li>").Append(Pools.Tasks[(first + i) % Pools.Tasks.Length]).Append(i == count - 1 ? ".</li>" : ";</li>");
            }

            text.Append("</ul>");
        }

        private T Pick<T>(T[] pool) => pool[random.Next(pool.Length)];

        /// <summary>A sentence this article has not used yet, as far as a few draws can find one.</summary>
        private string Fresh(string[] pool)
        {
            var sentence = Pick(pool);
            for (var attempt = 0; attempt < 8 && !used.Add(sentence); attempt++)
            {
                sentence = Pick(pool);
            }

            return sentence;
        }

        private static string Capitalize(string sentence) =>
            sentence.Length > 0 && char.IsLower(sentence[0]) ? char.ToUpper(sentence[0], CultureInfo.InvariantCulture) + sentence[1..] : sentence;

        /// <summary>Replaces <c>{slot}</c> markers; <c>{event}</c> is left for the caller.</summary>
        private string Fill(string template)
        {
            if (!template.Contains('{', StringComparison.Ordinal))
            {
                return template;
            }

            var result = new StringBuilder(template.Length + 64);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                var close = open < 0 ? -1 : template.IndexOf('}', open);
                if (close < 0)
                {
                    result.Append(template, i, template.Length - i);
                    break;
                }

                result.Append(template, i, open - i).Append(Slot(template[(open + 1)..close]));
                i = close + 1;
            }

            return result.ToString();
        }

        private string Slot(string name) => name switch
        {
            "year" => slots.Year,
            "d" => slots.Day,
            "d2" => slots.LaterDay,
            "m" => slots.Month,
            "quarter" => slots.Quarter,
            "period" => slots.Period,
            "place" => slots.Place,
            "district" => slots.District,
            "law" => slots.Law,
            "n" => slots.Number,
            "leader" => Pick(Pools.Leaders),
            "unit" => Fill(Pick(Pools.Units)),
            "venue" => Fill(Pick(Pools.Venues)),
            "field" => Pick(Pools.Fields),
            "topic" => Pick(Pools.ResolutionTopics),
            _ => "{" + name + "}",
        };
    }

    /// <summary>What the slots of one article's text stand for, so its title and body agree.</summary>
    private sealed class Slots(DateTime local, string place, string district, string law, int number)
    {
        private static readonly string[] Quarters = ["I", "II", "III", "IV"];

        public string Year { get; } = local.Year.ToString(CultureInfo.InvariantCulture);
        public string Month { get; } = local.Month.ToString(CultureInfo.InvariantCulture);
        public string Day { get; } = local.Day.ToString(CultureInfo.InvariantCulture);
        public string LaterDay { get; } = Math.Min(local.Day + 10, 28).ToString(CultureInfo.InvariantCulture);
        public string Quarter { get; } = Quarters[(local.Month - 1) / 3];
        public string Period { get; } = FiveYears(local.Year);
        public string Place { get; } = place;
        public string District { get; } = district;
        public string Law { get; } = law;
        public string Number { get; } = number.ToString(CultureInfo.InvariantCulture);

        private static string FiveYears(int year)
        {
            var start = 2011 + (int)Math.Floor((year - 2011) / 5.0) * 5;
            return string.Create(CultureInfo.InvariantCulture, $"{start} – {start + 4}");
        }
    }

    /// <param name="Weight">How often the category publishes, relative to the others.</param>
    /// <param name="IsQuestion">Hỏi đáp: the title is a reader's question and the body its answer.</param>
    private sealed record Topic(double Weight, string[] Titles, string[] Events, string[] Sentences, bool IsQuestion = false);

    /// <summary>Phrase pools in the style of a provincial Department of Justice's news (NFC).</summary>
    private static class Pools
    {
        public static readonly string[] Places =
        [
            "huyện Phong Điền", "huyện Quảng Điền", "thị xã Hương Trà", "thị xã Hương Thủy", "huyện Phú Vang",
            "huyện Phú Lộc", "huyện A Lưới", "huyện Nam Đông", "thành phố Huế", "xã Phong Chương", "xã Quảng Thái",
            "phường Hương Chữ", "phường Thủy Phương", "xã Phú Thuận", "xã Vinh Hưng", "thị trấn Lăng Cô",
            "xã Hồng Hạ", "xã Thượng Quảng", "phường Vỹ Dạ", "phường Tây Lộc", "xã Hương Phong", "xã Lộc Bổn",
            "phường An Cựu", "xã Quảng Công", "thị trấn Sịa", "xã Điền Hương", "xã Phú Diên", "phường Kim Long",
        ];

        public static readonly string[] Districts =
        [
            "huyện Phong Điền", "huyện Quảng Điền", "thị xã Hương Trà", "thị xã Hương Thủy", "huyện Phú Vang",
            "huyện Phú Lộc", "huyện A Lưới", "huyện Nam Đông", "thành phố Huế",
        ];

        public static readonly string[] Laws =
        [
            "Luật Hộ tịch", "Luật Công chứng", "Luật Trợ giúp pháp lý", "Luật Phổ biến, giáo dục pháp luật",
            "Luật Hòa giải ở cơ sở", "Luật Ban hành văn bản quy phạm pháp luật", "Luật Bình đẳng giới",
            "Luật Thi đua, khen thưởng", "Luật Lý lịch tư pháp", "Luật Luật sư", "Luật Đấu giá tài sản",
            "Luật Giám định tư pháp", "Luật Nuôi con nuôi", "Luật Quốc tịch Việt Nam", "Luật Xử lý vi phạm hành chính",
            "Luật Tiếp cận thông tin", "Luật Phòng, chống bạo lực gia đình", "Luật Hôn nhân và gia đình",
        ];

        public static readonly string[] Leaders =
        [
            "đồng chí Giám đốc Sở Tư pháp", "đồng chí Phó Giám đốc Sở Tư pháp", "đồng chí Chánh Văn phòng Sở",
            "đồng chí Trưởng phòng Phổ biến, giáo dục pháp luật", "đồng chí Giám đốc Trung tâm Trợ giúp pháp lý nhà nước",
            "đồng chí Trưởng phòng Hành chính tư pháp", "đồng chí Chánh Thanh tra Sở",
        ];

        public static readonly string[] Units =
        [
            "Phòng Tư pháp {district}", "Trung tâm Trợ giúp pháp lý nhà nước", "Phòng Phổ biến, giáo dục pháp luật",
            "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp", "Phòng Xây dựng và kiểm tra văn bản", "Văn phòng Sở",
            "Thanh tra Sở", "Hội Luật gia tỉnh", "Đoàn Luật sư tỉnh", "Hội Liên hiệp Phụ nữ {district}",
            "Ủy ban Mặt trận Tổ quốc Việt Nam {district}",
        ];

        public static readonly string[] Venues =
        [
            "hội trường Sở Tư pháp", "trụ sở Ủy ban nhân dân {place}", "Trung tâm Phục vụ hành chính công tỉnh",
            "nhà văn hóa thôn thuộc {place}", "hội trường Ủy ban nhân dân {district}", "Trung tâm Văn hóa – Thể thao {district}",
        ];

        public static readonly string[] Fields =
        [
            "hộ tịch", "công chứng", "xử lý vi phạm hành chính", "bồi thường nhà nước", "đấu giá tài sản",
            "hòa giải ở cơ sở", "chứng thực",
        ];

        public static readonly string[] ResolutionTopics =
        [
            "mức thu lệ phí đăng ký hộ tịch", "chính sách hỗ trợ hòa giải viên ở cơ sở",
            "mức chi bảo đảm cho công tác phổ biến, giáo dục pháp luật", "mức thu phí chứng thực",
            "chế độ hỗ trợ cho người làm công tác trợ giúp pháp lý",
        ];

        public static readonly string[] Authors =
        [
            "Văn phòng Sở", "Hoàng Long", "Thu Hà", "Minh Châu", "Ngọc Diệp", "Quốc Bảo", "Tiên An", "Khánh Linh",
            "Đức Anh", "Phương Thảo", "Hải Yến", "Thanh Tùng", "Phòng Phổ biến, giáo dục pháp luật",
            "Trung tâm Trợ giúp pháp lý", "Phòng Hành chính tư pháp", "Phòng Bổ trợ tư pháp",
        ];

        public static readonly string[] Readers = ["Nguyễn Thị H.", "Trần Văn B.", "Lê Thị M.", "Phạm Văn T.", "Hồ Thị L.", "Võ Văn N."];

        public static readonly string[] Openings =
        [
            "Ngày {d}/{m}/{year}, Sở Tư pháp đã tổ chức {event} tại {venue}.",
            "Sáng ngày {d}/{m}/{year}, tại {venue}, Sở Tư pháp phối hợp với Ủy ban nhân dân {district} tổ chức {event}.",
            "Chiều ngày {d}/{m}/{year}, {leader} đã chủ trì {event}.",
            "Thực hiện Kế hoạch số {n}/KH-STP của Sở Tư pháp, trong tháng {m}/{year}, {unit} đã triển khai {event}.",
            "Nhằm triển khai có hiệu quả nhiệm vụ năm {year}, ngày {d}/{m}/{year}, Sở Tư pháp tổ chức {event}.",
            "Trong khuôn khổ chương trình công tác năm {year}, Sở Tư pháp đã phối hợp với {unit} tổ chức {event} tại {place}.",
        ];

        public static readonly string[] General =
        [
            "Đây là hoạt động thiết thực nhằm nâng cao hiệu quả công tác quản lý nhà nước trong lĩnh vực tư pháp trên địa bàn tỉnh.",
            "Tham dự có đại diện lãnh đạo các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố và các phòng, đơn vị thuộc Sở.",
            "Thời gian tới, Sở Tư pháp sẽ tiếp tục phối hợp chặt chẽ với các cơ quan, đơn vị liên quan để triển khai đồng bộ các giải pháp.",
            "Các ý kiến tại hội nghị sẽ được tổng hợp để hoàn thiện báo cáo trình Ủy ban nhân dân tỉnh và Bộ Tư pháp.",
            "Hoạt động được đông đảo cán bộ, công chức và người dân quan tâm, hưởng ứng.",
            "Việc triển khai các nhiệm vụ gắn với tinh thần đổi mới, sáng tạo, lấy người dân và doanh nghiệp làm trung tâm phục vụ.",
            "Qua đó góp phần xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, tinh gọn, hiệu lực, hiệu quả.",
            "Sở Tư pháp đề nghị Ủy ban nhân dân {district} quan tâm bố trí kinh phí, nhân lực cho công tác tư pháp ở cơ sở.",
            "Các nội dung được trao đổi cởi mở, dân chủ, thẳng thắn.",
            "Kết quả này góp phần tích cực vào việc bảo đảm an ninh chính trị, trật tự, an toàn xã hội trên địa bàn.",
            "Công tác bình đẳng giới được lồng ghép trong quá trình xây dựng và tổ chức thực hiện các kế hoạch của ngành.",
            "Cải cách hành chính tiếp tục được xác định là nhiệm vụ trọng tâm, xuyên suốt của ngành Tư pháp.",
            "Nhiều cán bộ, công chức cho biết các nội dung được trao đổi rất bổ ích, sát với thực tiễn công tác tại cơ sở.",
            "Năm {year} là năm có ý nghĩa quan trọng trong việc thực hiện các mục tiêu của giai đoạn {period}.",
        ];

        public static readonly string[] Closings =
        [
            "Hội nghị kết thúc thành công tốt đẹp, đạt được mục đích, yêu cầu đề ra.",
            "Buổi làm việc diễn ra trong không khí cởi mở, trách nhiệm.",
            "Dự kiến trong năm {year}, hoạt động này sẽ tiếp tục được nhân rộng tại các địa phương khác trong tỉnh.",
            "Sở Tư pháp sẽ tiếp tục theo dõi, đôn đốc việc thực hiện các kiến nghị sau kiểm tra.",
            "Chi tiết văn bản được đăng tải tại mục Văn bản trên Cổng thông tin điện tử của Sở.",
        ];

        public static readonly string[] Tasks =
        [
            "Tiếp tục đẩy mạnh công tác phổ biến, giáo dục pháp luật, chú trọng các đối tượng đặc thù",
            "Nâng cao chất lượng thẩm định, kiểm tra văn bản quy phạm pháp luật",
            "Đẩy mạnh cải cách hành chính, chuyển đổi số trong lĩnh vực tư pháp",
            "Tăng cường kiểm tra việc thực hiện pháp luật về hộ tịch, chứng thực",
            "Nâng cao chất lượng dịch vụ trợ giúp pháp lý cho người dân",
            "Kiện toàn đội ngũ hòa giải viên, báo cáo viên, tuyên truyền viên pháp luật",
            "Thực hiện tốt công tác thi đua, khen thưởng và bình đẳng giới trong cơ quan",
        ];

        public static readonly string[] Rare =
        [
            "Do ảnh hưởng của đợt lũ lụt lịch sử, nhiều giấy tờ hộ tịch của người dân bị hư hỏng, thất lạc và cần được cấp lại.",
            "Sau lũ lụt, các trợ giúp viên pháp lý đã đến tận thôn, bản để hướng dẫn người dân làm lại giấy tờ.",
            "Tổ công tác đã hỗ trợ các hộ dân vùng thấp trũng thường xuyên bị ngập lụt lưu giữ an toàn giấy tờ tùy thân.",
        ];

        public static readonly Dictionary<string, Topic> Topics = new(StringComparer.Ordinal)
        {
            ["tin-hoat-dong"] = new(
                2.5,
                [
                    "Sở Tư pháp tổ chức hội nghị tổng kết công tác tư pháp năm {year}",
                    "Sở Tư pháp sơ kết công tác tư pháp 6 tháng đầu năm {year}",
                    "Hội nghị triển khai nhiệm vụ công tác tư pháp năm {year}",
                    "Lãnh đạo Sở Tư pháp làm việc với Phòng Tư pháp {district}",
                    "Đoàn công tác Sở Tư pháp kiểm tra công tác tư pháp tại {place}",
                    "Sở Tư pháp tổ chức hội nghị cán bộ, công chức, viên chức năm {year}",
                    "Chi bộ Sở Tư pháp tổ chức sinh hoạt chuyên đề quý {quarter} năm {year}",
                    "Tập huấn kỹ năng ứng dụng công nghệ thông tin cho công chức Sở Tư pháp năm {year}",
                ],
                [
                    "hội nghị tổng kết công tác tư pháp năm {year}", "hội nghị sơ kết công tác tư pháp 6 tháng đầu năm {year}",
                    "buổi làm việc với Phòng Tư pháp {district}", "hội nghị cán bộ, công chức, viên chức năm {year}",
                    "đợt kiểm tra công tác tư pháp tại cơ sở", "lớp bồi dưỡng kỹ năng ứng dụng công nghệ thông tin cho công chức",
                ],
                [
                    "Năm {year}, ngành Tư pháp tỉnh đã hoàn thành cơ bản các chỉ tiêu, nhiệm vụ được giao, góp phần quan trọng vào sự phát triển kinh tế – xã hội của địa phương.",
                    "Phát biểu chỉ đạo tại hội nghị, {leader} đánh giá cao những kết quả mà các phòng, đơn vị thuộc Sở đã đạt được trong thời gian qua.",
                    "Bên cạnh những kết quả đạt được, công tác tư pháp vẫn còn một số hạn chế như biên chế còn thiếu, cơ sở vật chất chưa đáp ứng yêu cầu nhiệm vụ.",
                    "Hội nghị đã nghe các báo cáo tham luận về kinh nghiệm triển khai công tác tư pháp ở cơ sở, nhất là tại các xã vùng sâu, vùng xa.",
                    "Đoàn công tác đã kiểm tra hồ sơ, sổ sách và trao đổi trực tiếp với công chức tư pháp – hộ tịch về những khó khăn, vướng mắc trong quá trình thực hiện nhiệm vụ.",
                    "Lãnh đạo Sở đề nghị các phòng, đơn vị tiếp tục đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động quản lý nhà nước về tư pháp.",
                    "Các đại biểu đã tập trung thảo luận, đóng góp nhiều ý kiến thiết thực nhằm nâng cao chất lượng, hiệu quả công tác trong năm {year}.",
                    "Kết thúc buổi làm việc, {leader} ghi nhận những nỗ lực của Phòng Tư pháp {district} và đề nghị tiếp tục tham mưu Ủy ban nhân dân cấp huyện thực hiện tốt công tác quản lý nhà nước về tư pháp trên địa bàn.",
                    "Hội nghị cũng đã thông qua Quy chế chi tiêu nội bộ và phát động phong trào thi đua hoàn thành xuất sắc nhiệm vụ năm {year}.",
                    "Theo báo cáo, trong kỳ, Sở đã tham mưu Ủy ban nhân dân tỉnh ban hành {n} văn bản chỉ đạo, điều hành trong lĩnh vực tư pháp.",
                ]),
            ["thi-dua-khen-thuong"] = new(
                0.8,
                [
                    "Sở Tư pháp phát động phong trào thi đua năm {year}",
                    "Ký kết giao ước thi đua Khối các cơ quan nội chính năm {year}",
                    "Trao Bằng khen của Bộ trưởng Bộ Tư pháp cho {n} tập thể, cá nhân",
                    "Tổng kết công tác thi đua, khen thưởng ngành Tư pháp năm {year}",
                    "Trao Kỷ niệm chương “Vì sự nghiệp Tư pháp” cho {n} cá nhân",
                    "Biểu dương điển hình tiên tiến trong phong trào thi đua yêu nước giai đoạn {period}",
                    "{n} tập thể, cá nhân được khen thưởng về thành tích thực hiện công tác bình đẳng giới năm {year}",
                ],
                [
                    "lễ phát động phong trào thi đua năm {year}", "hội nghị tổng kết công tác thi đua, khen thưởng năm {year}",
                    "lễ ký kết giao ước thi đua Khối các cơ quan nội chính", "lễ trao Kỷ niệm chương “Vì sự nghiệp Tư pháp”",
                    "hội nghị biểu dương điển hình tiên tiến",
                ],
                [
                    "Phong trào thi đua được triển khai sâu rộng đến từng cán bộ, công chức, viên chức và người lao động trong toàn ngành.",
                    "Thay mặt lãnh đạo Sở, {leader} đã trao Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua yêu nước.",
                    "Trong năm {year}, có {n} tập thể và cá nhân thuộc ngành Tư pháp được các cấp khen thưởng.",
                    "Công tác thi đua, khen thưởng bảo đảm đúng người, đúng thành tích, công khai, minh bạch và kịp thời, tạo động lực để mỗi cá nhân phấn đấu.",
                    "Các đơn vị trong Khối thi đua đã ký kết giao ước thi đua với những chỉ tiêu cụ thể, sát với chức năng, nhiệm vụ được giao.",
                    "Nhiều gương điển hình tiên tiến đã được phát hiện, bồi dưỡng và nhân rộng, góp phần lan tỏa tinh thần thi đua trong toàn ngành.",
                    "Kỷ niệm chương “Vì sự nghiệp Tư pháp” là phần thưởng cao quý của Bộ Tư pháp ghi nhận những đóng góp của các cá nhân đối với sự phát triển của ngành.",
                    "Công tác bình đẳng giới và vì sự tiến bộ của phụ nữ được gắn với phong trào thi đua “Giỏi việc nước, đảm việc nhà” trong cơ quan.",
                    "Hội đồng Thi đua – Khen thưởng Sở đã xét chọn, đề nghị cấp trên khen thưởng cho {n} tập thể, cá nhân tiêu biểu.",
                ]),
            ["thong-bao"] = new(
                1.2,
                [
                    "Thông báo lịch tiếp công dân của lãnh đạo Sở Tư pháp tháng {m}/{year}",
                    "Thông báo tuyển dụng viên chức Trung tâm Dịch vụ đấu giá tài sản năm {year}",
                    "Thông báo kết quả lựa chọn tổ chức đấu giá tài sản",
                    "Thông báo lịch nghỉ Tết Nguyên đán và bố trí trực giải quyết thủ tục hành chính năm {year}",
                    "Thông báo về việc tổ chức kỳ thi tuyển công chứng viên năm {year}",
                    "Thông báo danh sách tổ chức hành nghề công chứng đủ điều kiện hoạt động năm {year}",
                    "Thông báo tiếp nhận hồ sơ đề nghị bổ nhiệm giám định viên tư pháp",
                ],
                [
                    "buổi tiếp công dân định kỳ của lãnh đạo Sở", "kỳ xét tuyển viên chức năm {year}",
                    "việc lựa chọn tổ chức đấu giá tài sản", "kỳ thi tuyển công chứng viên năm {year}",
                    "việc bố trí trực giải quyết thủ tục hành chính dịp nghỉ lễ",
                ],
                [
                    "Sở Tư pháp thông báo để các cơ quan, tổ chức và cá nhân có liên quan biết, thực hiện.",
                    "Hồ sơ được nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả của Sở Tư pháp tại Trung tâm Phục vụ hành chính công tỉnh hoặc qua dịch vụ bưu chính công ích.",
                    "Thời gian tiếp nhận hồ sơ từ ngày {d}/{m}/{year} đến hết ngày {d2}/{m}/{year}, trong giờ hành chính các ngày làm việc.",
                    "Lãnh đạo Sở Tư pháp tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở cơ quan; trường hợp trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo.",
                    "Mọi thông tin chi tiết xin liên hệ Văn phòng Sở Tư pháp qua số điện thoại đường dây nóng được công bố trên Cổng thông tin điện tử của Sở.",
                    "Trong thời gian nghỉ Tết, Sở Tư pháp bố trí công chức trực để tiếp nhận và giải quyết các thủ tục hành chính cấp bách của người dân, doanh nghiệp.",
                    "Danh sách thí sinh đủ điều kiện và kết quả xét tuyển được niêm yết công khai tại trụ sở Sở Tư pháp và đăng tải trên Cổng thông tin điện tử.",
                    "Tổ chức đấu giá tài sản đăng ký tham gia phải đáp ứng đầy đủ các tiêu chí theo quy định của {law}.",
                    "Người đề nghị bổ nhiệm giám định viên tư pháp phải có trình độ đại học trở lên và đã qua thực tế hoạt động chuyên môn ở lĩnh vực được đào tạo từ đủ 05 năm trở lên.",
                ]),
            ["pho-bien-giao-duc-phap-luat"] = new(
                1.6,
                [
                    "Hội nghị phổ biến, giáo dục pháp luật cho cán bộ, công chức {place}",
                    "Tập huấn kỹ năng hòa giải ở cơ sở cho hòa giải viên {place}",
                    "Phổ biến {law} cho đoàn viên, thanh niên {place}",
                    "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam năm {year}",
                    "Tuyên truyền pháp luật về bình đẳng giới và phòng, chống bạo lực gia đình tại {place}",
                    "Đưa pháp luật đến với đồng bào dân tộc thiểu số tại {place}",
                    "Hội thi hòa giải viên giỏi {district} năm {year}",
                    "Xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật năm {year}",
                ],
                [
                    "hội nghị phổ biến, giáo dục pháp luật cho cán bộ, công chức và Nhân dân", "lớp tập huấn kỹ năng hòa giải ở cơ sở",
                    "buổi tuyên truyền {law}", "hội thi hòa giải viên giỏi", "đợt phổ biến pháp luật lưu động cho đồng bào dân tộc thiểu số",
                    "chương trình hưởng ứng Ngày Pháp luật Việt Nam",
                ],
                [
                    "Tại hội nghị, báo cáo viên pháp luật đã giới thiệu những nội dung cơ bản, điểm mới của {law} và các văn bản hướng dẫn thi hành.",
                    "Công tác phổ biến, giáo dục pháp luật được triển khai với nhiều hình thức phong phú, phù hợp với từng nhóm đối tượng và đặc thù của địa bàn.",
                    "Hòa giải viên ở cơ sở được trang bị kỹ năng lắng nghe, thuyết phục, giúp các bên tự nguyện thỏa thuận giải quyết mâu thuẫn, tranh chấp.",
                    "Năm {year}, toàn tỉnh đã tổ chức {n} hội nghị phổ biến pháp luật trực tiếp với hàng nghìn lượt người tham dự.",
                    "Các tổ hòa giải ở cơ sở đã hòa giải thành nhiều vụ việc, góp phần giữ gìn đoàn kết trong cộng đồng dân cư.",
                    "Nội dung tuyên truyền tập trung vào các quy định về bình đẳng giới, phòng, chống bạo lực gia đình, phòng, chống ma túy và an toàn giao thông.",
                    "Nhiều câu hỏi của người dân về đất đai, hôn nhân và gia đình, thừa kế đã được báo cáo viên giải đáp trực tiếp tại hội nghị.",
                    "Việc xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật góp phần nâng cao ý thức tuân thủ pháp luật của cán bộ và Nhân dân.",
                    "Tài liệu phổ biến pháp luật song ngữ được biên soạn bằng tiếng Việt và tiếng dân tộc Tà Ôi, Cơ Tu để đồng bào dễ tiếp cận.",
                    "Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam (09/11), các cơ quan, đơn vị đã tổ chức nhiều hoạt động thiết thực, hiệu quả.",
                    "Tủ sách pháp luật tại cơ sở được bổ sung thêm nhiều đầu sách mới, thu hút đông đảo người dân đến tìm đọc.",
                ]),
            ["hoi-dap-phap-luat"] = new(
                0.8,
                [
                    "Thủ tục đăng ký khai sinh cho trẻ em sinh ra ở nước ngoài được quy định thế nào?",
                    "Hồ sơ đề nghị cấp Phiếu lý lịch tư pháp gồm những giấy tờ gì?",
                    "Những trường hợp nào được trợ giúp pháp lý miễn phí theo {law}?",
                    "Có được chứng thực bản sao từ bản chính tại bất kỳ Ủy ban nhân dân cấp xã nào không?",
                    "Người dân tộc thiểu số ở vùng đặc biệt khó khăn có được trợ giúp pháp lý không?",
                    "Thời hạn giải quyết yêu cầu đăng ký kết hôn là bao lâu?",
                    "Hợp đồng mua bán nhà ở có bắt buộc phải công chứng không?",
                    "Hòa giải viên ở cơ sở có những quyền và nghĩa vụ gì theo {law}?",
                    "Đăng ký lại khai sinh khi bản chính Giấy khai sinh bị mất cần những giấy tờ gì?",
                    "Người nước ngoài thường trú tại Việt Nam có được nhận con nuôi không?",
                ],
                [],
                [
                    "Theo quy định tại {law}, cá nhân, tổ chức có yêu cầu phải nộp đầy đủ hồ sơ tại cơ quan có thẩm quyền.",
                    "Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ giấy tờ theo quy định, nếu thấy yêu cầu là đúng, cơ quan có thẩm quyền sẽ giải quyết và trả kết quả cho người yêu cầu.",
                    "Người thuộc diện được trợ giúp pháp lý gồm người có công với cách mạng, người thuộc hộ nghèo, trẻ em, người dân tộc thiểu số cư trú ở vùng có điều kiện kinh tế – xã hội đặc biệt khó khăn và một số đối tượng khác.",
                    "Hợp đồng chuyển nhượng, tặng cho, thế chấp quyền sử dụng đất phải được công chứng hoặc chứng thực, trừ một số trường hợp luật có quy định khác.",
                    "Việc chứng thực bản sao từ bản chính có thể được thực hiện tại bất kỳ Phòng Tư pháp cấp huyện hoặc Ủy ban nhân dân cấp xã nào, không phụ thuộc vào nơi cư trú của người yêu cầu.",
                    "Phiếu lý lịch tư pháp số 1 cấp cho cá nhân, cơ quan, tổ chức; Phiếu lý lịch tư pháp số 2 cấp cho cơ quan tiến hành tố tụng và cá nhân để người đó biết nội dung về lý lịch tư pháp của mình.",
                    "Người yêu cầu có thể nộp hồ sơ trực tuyến qua Cổng Dịch vụ công quốc gia và nhận kết quả qua dịch vụ bưu chính công ích.",
                    "Trường hợp cần xác minh thì thời hạn giải quyết được kéo dài thêm nhưng không quá 05 ngày làm việc.",
                    "Bạn đọc có thể liên hệ Trung tâm Trợ giúp pháp lý nhà nước của tỉnh hoặc Phòng Tư pháp nơi cư trú để được hướng dẫn cụ thể.",
                    "Hòa giải viên có quyền được bồi dưỡng, tập huấn về kiến thức pháp luật, kỹ năng hòa giải và được hưởng thù lao theo vụ việc.",
                ],
                IsQuestion: true),
            ["hanh-chinh-tu-phap"] = new(
                1.0,
                [
                    "Tập huấn nghiệp vụ hộ tịch cho công chức tư pháp – hộ tịch cấp xã năm {year}",
                    "Kiểm tra công tác đăng ký, quản lý hộ tịch tại {place}",
                    "Số hóa dữ liệu hộ tịch lịch sử tại {place}",
                    "Triển khai liên thông thủ tục hành chính đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế",
                    "Kết quả cấp Phiếu lý lịch tư pháp trực tuyến quý {quarter} năm {year}",
                    "Kiểm tra công tác chứng thực tại Phòng Tư pháp {district}",
                    "Giải quyết việc nuôi con nuôi có yếu tố nước ngoài năm {year}",
                ],
                [
                    "lớp tập huấn nghiệp vụ hộ tịch cho công chức tư pháp – hộ tịch cấp xã", "đợt kiểm tra công tác đăng ký, quản lý hộ tịch",
                    "hội nghị triển khai số hóa dữ liệu hộ tịch", "đợt kiểm tra công tác chứng thực",
                    "buổi làm việc về giải quyết việc nuôi con nuôi",
                ],
                [
                    "Năm {year}, các cơ quan đăng ký hộ tịch trên địa bàn tỉnh đã đăng ký khai sinh cho {n} nghìn trẻ em, phần lớn đúng thời hạn.",
                    "Tại lớp tập huấn, các học viên được hướng dẫn sử dụng Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung của Bộ Tư pháp.",
                    "Đoàn kiểm tra đã kiểm tra sổ hộ tịch, hồ sơ đăng ký khai sinh, kết hôn, khai tử và việc cập nhật dữ liệu vào Cơ sở dữ liệu hộ tịch điện tử.",
                    "Qua kiểm tra cho thấy công tác đăng ký, quản lý hộ tịch cơ bản đi vào nền nếp; tuy nhiên vẫn còn một số sai sót trong ghi chép sổ hộ tịch.",
                    "Việc số hóa dữ liệu hộ tịch lịch sử giúp người dân giảm bớt giấy tờ khi thực hiện thủ tục hành chính và tạo nền tảng xây dựng chính quyền số.",
                    "Thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi được thực hiện hoàn toàn trực tuyến.",
                    "Sở Tư pháp đã tiếp nhận {n} hồ sơ yêu cầu cấp Phiếu lý lịch tư pháp, trong đó tỷ lệ hồ sơ nộp trực tuyến ngày càng tăng.",
                    "Công tác chứng thực bản sao, chứng thực chữ ký và chứng thực hợp đồng, giao dịch được thực hiện đúng quy định, thuận lợi cho người dân.",
                    "Việc giải quyết hồ sơ nuôi con nuôi bảo đảm tôn trọng quyền của trẻ em được sống trong môi trường gia đình gốc, vì lợi ích tốt nhất của trẻ em.",
                    "Công chức tư pháp – hộ tịch cấp xã cần thường xuyên cập nhật văn bản mới và chủ động hướng dẫn người dân thực hiện thủ tục hộ tịch.",
                ]),
            ["bo-tro-tu-phap"] = new(
                0.8,
                [
                    "Kiểm tra tổ chức và hoạt động của các tổ chức hành nghề công chứng năm {year}",
                    "Hội nghị triển khai {law} cho công chứng viên, luật sư",
                    "Tập huấn nghiệp vụ đấu giá tài sản năm {year}",
                    "Cấp thẻ công chứng viên cho {n} công chứng viên",
                    "Đại hội Đoàn Luật sư tỉnh nhiệm kỳ {period}",
                    "Kiểm tra hoạt động giám định tư pháp tại các tổ chức giám định",
                    "Triển khai chế định thừa phát lại trên địa bàn tỉnh",
                ],
                [
                    "đợt kiểm tra tổ chức và hoạt động công chứng", "hội nghị tập huấn nghiệp vụ cho công chứng viên",
                    "lớp bồi dưỡng nghiệp vụ đấu giá tài sản", "buổi làm việc với Đoàn Luật sư tỉnh", "hội nghị triển khai {law}",
                ],
                [
                    "Qua kiểm tra, các tổ chức hành nghề công chứng cơ bản chấp hành tốt các quy định của {law} và văn bản hướng dẫn.",
                    "Đoàn kiểm tra lưu ý các tổ chức hành nghề công chứng thực hiện đúng quy định về lưu trữ hồ sơ công chứng và niêm yết phí, thù lao công chứng.",
                    "Hiện nay, trên địa bàn tỉnh có {n} tổ chức hành nghề công chứng với đội ngũ công chứng viên ngày càng chuyên nghiệp.",
                    "Hoạt động đấu giá tài sản được thực hiện công khai, minh bạch, góp phần tăng thu cho ngân sách nhà nước.",
                    "Đội ngũ luật sư đã tham gia bào chữa, tư vấn pháp luật miễn phí cho nhiều người dân có hoàn cảnh khó khăn.",
                    "Công tác giám định tư pháp đáp ứng yêu cầu của cơ quan tiến hành tố tụng, góp phần giải quyết các vụ án đúng thời hạn.",
                    "Thừa phát lại đã lập vi bằng, tống đạt văn bản và tổ chức thi hành án dân sự theo yêu cầu, góp phần giảm tải cho cơ quan nhà nước.",
                    "Sở Tư pháp đề nghị các tổ chức hành nghề tăng cường ứng dụng công nghệ thông tin, chia sẻ dữ liệu công chứng để phòng ngừa rủi ro.",
                    "Tại hội nghị, các công chứng viên, luật sư đã trao đổi nhiều vướng mắc trong thực tiễn hành nghề và đề xuất giải pháp tháo gỡ.",
                ]),
            ["tro-giup-phap-ly"] = new(
                1.0,
                [
                    "Trợ giúp pháp lý lưu động tại {place}",
                    "Nâng cao chất lượng vụ việc tham gia tố tụng của Trợ giúp viên pháp lý",
                    "Truyền thông về trợ giúp pháp lý cho người khuyết tật tại {place}",
                    "Trung tâm Trợ giúp pháp lý nhà nước tổng kết công tác năm {year}",
                    "Trợ giúp pháp lý cho người bị hại là trẻ em tại {place}",
                    "Đánh giá chất lượng vụ việc trợ giúp pháp lý năm {year}",
                    "Sinh hoạt câu lạc bộ trợ giúp pháp lý tại {place}",
                ],
                [
                    "đợt trợ giúp pháp lý lưu động", "buổi truyền thông về trợ giúp pháp lý",
                    "hội nghị đánh giá chất lượng vụ việc trợ giúp pháp lý", "buổi sinh hoạt câu lạc bộ trợ giúp pháp lý",
                    "hội nghị tổng kết công tác trợ giúp pháp lý năm {year}",
                ],
                [
                    "Tại buổi trợ giúp pháp lý lưu động, các trợ giúp viên pháp lý đã tư vấn cho {n} lượt người về các lĩnh vực đất đai, dân sự, hôn nhân và gia đình.",
                    "Trợ giúp pháp lý là dịch vụ pháp lý miễn phí của Nhà nước dành cho người nghèo, người có công với cách mạng, người dân tộc thiểu số và các đối tượng theo luật định.",
                    "Năm {year}, Trung tâm Trợ giúp pháp lý nhà nước đã thụ lý {n} vụ việc, trong đó có nhiều vụ việc tham gia tố tụng đạt hiệu quả cao.",
                    "Trợ giúp viên pháp lý đã tham gia bào chữa, bảo vệ quyền và lợi ích hợp pháp cho người được trợ giúp pháp lý trong các vụ án hình sự, dân sự.",
                    "Các bảng thông tin, hộp tin về trợ giúp pháp lý được đặt tại trụ sở Ủy ban nhân dân cấp xã để người dân dễ dàng tiếp cận.",
                    "Hoạt động truyền thông về trợ giúp pháp lý giúp người dân biết đến quyền được trợ giúp pháp lý miễn phí của mình.",
                    "Người khuyết tật có khó khăn về tài chính, trẻ em và nạn nhân của hành vi bạo lực gia đình là những đối tượng được quan tâm trợ giúp.",
                    "Chất lượng vụ việc trợ giúp pháp lý được đánh giá thường xuyên theo tiêu chí do Bộ Tư pháp ban hành.",
                    "Trung tâm đã phối hợp với cơ quan tiến hành tố tụng để kịp thời cử người thực hiện trợ giúp pháp lý khi có yêu cầu.",
                ]),
            ["xay-dung-va-kiem-tra-van-ban"] = new(
                0.8,
                [
                    "Thẩm định {n} dự thảo văn bản quy phạm pháp luật trong quý {quarter} năm {year}",
                    "Kiểm tra văn bản quy phạm pháp luật do HĐND, UBND {district} ban hành",
                    "Rà soát, hệ thống hóa văn bản quy phạm pháp luật kỳ {period}",
                    "Tập huấn kỹ năng soạn thảo văn bản quy phạm pháp luật năm {year}",
                    "Góp ý dự thảo Nghị quyết của Hội đồng nhân dân tỉnh quy định {topic}",
                    "Theo dõi tình hình thi hành pháp luật năm {year} trong lĩnh vực {field}",
                    "Hội nghị tổng kết công tác xây dựng, kiểm tra và xử lý văn bản năm {year}",
                ],
                [
                    "hội nghị tập huấn kỹ năng soạn thảo văn bản quy phạm pháp luật", "đợt kiểm tra văn bản quy phạm pháp luật tại {district}",
                    "hội nghị tổng kết công tác xây dựng, kiểm tra và xử lý văn bản", "cuộc họp góp ý dự thảo Nghị quyết của Hội đồng nhân dân tỉnh",
                    "đợt rà soát, hệ thống hóa văn bản quy phạm pháp luật",
                ],
                [
                    "Trong quý {quarter} năm {year}, Sở Tư pháp đã thẩm định {n} dự thảo văn bản quy phạm pháp luật do các sở, ngành chủ trì soạn thảo.",
                    "Qua kiểm tra, Sở Tư pháp phát hiện một số văn bản có sai sót về thể thức, kỹ thuật trình bày và đã đề nghị cơ quan ban hành xử lý theo quy định.",
                    "Công tác rà soát, hệ thống hóa văn bản quy phạm pháp luật được thực hiện thường xuyên, kịp thời phát hiện văn bản hết hiệu lực hoặc không còn phù hợp.",
                    "Báo cáo thẩm định đã chỉ rõ tính hợp hiến, hợp pháp, tính thống nhất của dự thảo với hệ thống pháp luật và tính khả thi của văn bản.",
                    "Các đại biểu đã được hướng dẫn quy trình xây dựng văn bản theo {law} và các văn bản hướng dẫn thi hành.",
                    "Công tác theo dõi tình hình thi hành pháp luật tập trung vào lĩnh vực {field}, nơi còn nhiều vướng mắc trong thực tiễn.",
                    "Sở Tư pháp đề nghị các cơ quan chủ trì soạn thảo gửi hồ sơ thẩm định đầy đủ và đúng thời hạn để bảo đảm chất lượng thẩm định.",
                    "Nhiều ý kiến góp ý của Sở Tư pháp đã được cơ quan soạn thảo tiếp thu, hoàn thiện trước khi trình Ủy ban nhân dân tỉnh ban hành.",
                    "Kết quả kiểm tra văn bản được công khai trên Cổng thông tin điện tử của Sở Tư pháp.",
                ]),
            ["cai-cach-hanh-chinh"] = new(
                0.9,
                [
                    "Sở Tư pháp ban hành Kế hoạch cải cách hành chính năm {year}",
                    "Đơn giản hóa thủ tục hành chính lĩnh vực tư pháp năm {year}",
                    "Kết quả Chỉ số cải cách hành chính năm {year} của Sở Tư pháp",
                    "Đẩy mạnh cung cấp dịch vụ công trực tuyến toàn trình lĩnh vực tư pháp",
                    "Rút ngắn thời gian giải quyết thủ tục hành chính tại Bộ phận một cửa",
                    "Kiểm tra công tác cải cách hành chính tại {place}",
                    "Khảo sát sự hài lòng của người dân đối với dịch vụ hành chính công năm {year}",
                ],
                [
                    "hội nghị triển khai Kế hoạch cải cách hành chính năm {year}", "đợt kiểm tra công tác cải cách hành chính",
                    "buổi khảo sát sự hài lòng của người dân", "hội nghị rà soát, đơn giản hóa thủ tục hành chính",
                    "buổi tập huấn sử dụng dịch vụ công trực tuyến",
                ],
                [
                    "Năm {year}, Sở Tư pháp tiếp tục nằm trong nhóm dẫn đầu về Chỉ số cải cách hành chính của các sở, ban, ngành cấp tỉnh.",
                    "Toàn bộ thủ tục hành chính thuộc thẩm quyền giải quyết của Sở được tiếp nhận, giải quyết tại Trung tâm Phục vụ hành chính công tỉnh.",
                    "Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt trên 99%, không có hồ sơ trễ hạn gây phiền hà cho người dân và doanh nghiệp.",
                    "Sở đã rà soát, kiến nghị đơn giản hóa {n} thủ tục hành chính, cắt giảm thời gian giải quyết và thành phần hồ sơ.",
                    "Việc cung cấp dịch vụ công trực tuyến toàn trình giúp người dân không phải đến cơ quan nhà nước nhiều lần, tiết kiệm thời gian và chi phí.",
                    "Kết quả khảo sát cho thấy mức độ hài lòng của người dân đối với dịch vụ hành chính công lĩnh vực tư pháp ngày càng cao.",
                    "Sở tiếp tục đẩy mạnh chuyển đổi số, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo chỉ đạo của Ủy ban nhân dân tỉnh.",
                    "Công tác kiểm soát thủ tục hành chính được thực hiện nghiêm túc; các thủ tục hành chính mới được công bố, công khai kịp thời.",
                    "Lãnh đạo Sở yêu cầu công chức tại Bộ phận một cửa nâng cao tinh thần trách nhiệm, thái độ phục vụ người dân.",
                ]),
        };

        /// <summary>For categories the pools do not know (a database with its own sections): any news topic.</summary>
        public static readonly Topic[] AllTopics = Topics.Values.Where(t => !t.IsQuestion).ToArray();
    }
}
