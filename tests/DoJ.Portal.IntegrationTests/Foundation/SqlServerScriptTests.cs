using System.Reflection;
using System.Text.RegularExpressions;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary>
/// The SQL Server path without a server: what EF Core generates for SQL Server (the idempotent migration script, and
/// every repository query as the real repository code builds it) is parsed by SQL Server's own T-SQL parser
/// (ScriptDom, SQL Server 2022 grammar). A syntax error would otherwise show first on a live server.
/// </summary>
public sealed partial class SqlServerScriptTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc);

    private static PortalDbContext CreateContext(SqlServerCommandCapture? capture = null)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.SqlServer, "Server=unused;Database=DoJPortal", Path.GetTempPath());
        if (capture is not null)
        {
            options.AddInterceptors(capture);
        }

        return new PortalDbContext(options.Options);
    }

    [GeneratedRegex(@"^\s*GO\s*;?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex BatchSeparator();

    /// <summary>The parse errors of <paramref name="sql"/>, batch by batch (GO is sqlcmd's separator, not T-SQL).</summary>
    private static List<string> ParseErrors(string sql)
    {
        var errors = new List<string>();
        foreach (var batch in BatchSeparator().Split(sql).Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(batch);
            parser.Parse(reader, out var batchErrors);
            errors.AddRange(batchErrors.Select(e => $"line {e.Line}: {e.Message}\n{batch}"));
        }

        return errors;
    }

    [Fact]
    public void The_SqlServer_idempotent_migration_script_parses_as_TSQL()
    {
        using var db = CreateContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Articles]", script, StringComparison.Ordinal);
        Assert.Empty(ParseErrors(script));
    }

    [Fact]
    public void A_syntax_error_is_caught_by_the_parser()
    {
        Assert.NotEmpty(ParseErrors("SELECT TOP(1) [a].[Id] FROM [Articles] AS [a] ORDER BY LIMIT 5"));
    }

    /// <summary>Each public query method of the repositories, called with arguments that reach each of its branches.</summary>
    private static IEnumerable<(string Method, Func<PortalDbContext, Task> Call)> RepositoryCalls()
    {
        ArticleRepository Articles(PortalDbContext db) => new(db, new FakeTimeProvider(new DateTimeOffset(Now)), new CategoryTotals(), new LatestArticlesCache());
        var day = new DateOnly(2026, 11, 27);

        yield return ("ArticleRepository.ListLatestPublishedAsync", db => Articles(db).ListLatestPublishedAsync(5));
        yield return ("ArticleRepository.ListFeaturedAsync", db => Articles(db).ListFeaturedAsync(5));
        yield return ("ArticleRepository.ListLatestInCategoryAsync", db => Articles(db).ListLatestInCategoryAsync(1, 5));
        yield return ("ArticleRepository.ListLatestInCategoriesAsync", db => Articles(db).ListLatestInCategoriesAsync([1, 2, 3], 5));
        yield return ("ArticleRepository.ListPublishedInCategoryAsync", db => Articles(db).ListPublishedInCategoryAsync(1, 3, 10));
        yield return ("ArticleRepository.ListPublishedOnDayAsync", db => Articles(db).ListPublishedOnDayAsync(day, 2, 10));
        yield return ("ArticleRepository.GetPublishedAsync", db => Articles(db).GetPublishedAsync(7));
        yield return ("ArticleRepository.LatestAsync", db => Articles(db).LatestAsync(
            new LatestArticlesShape(4, 8, [new CategorySummary(1, "Tin hoạt động", "tin-hoat-dong", ""), new CategorySummary(2, "Thông báo", "thong-bao", "")], 11, "1")));
        yield return ("ArticleRepository.ListOthersAsync", db => Articles(db).ListOthersAsync(7, 1, 5));
        yield return ("ArticleRepository.ListForFeedAsync", db => Articles(db).ListForFeedAsync(1, 20));
        yield return ("ArticleRepository.ListForFeedAsync", db => Articles(db).ListForFeedAsync(null, 20));
        yield return ("ArticleRepository.ListIndexableAsync", db => Articles(db).ListIndexableAsync(0, 100));
        yield return ("ArticleRepository.GetIndexableAsync", db => Articles(db).GetIndexableAsync(7));
        yield return ("ArticleRepository.CountIndexableAsync", db => Articles(db).CountIndexableAsync());
        yield return ("ArticleRepository.IndexableFingerprintAsync", db => Articles(db).IndexableFingerprintAsync());
        yield return ("ArticleRepository.ListChangesAfterAsync", db => Articles(db).ListChangesAfterAsync(10, 100));
        yield return ("ArticleRepository.ChangeRangeAsync", db => Articles(db).ChangeRangeAsync());
        yield return ("ArticleRepository.PruneChangesAsync", db => Articles(db).PruneChangesAsync(Now));
        yield return ("ArticleRepository.FilterPublicAsync", db => Articles(db).FilterPublicAsync([1, 2, 3]));

        foreach (var state in Enum.GetValues<ArticleState>().Select(s => (ArticleState?)s).Append(null))
        {
            foreach (var sort in Enum.GetValues<ArticleSort>())
            {
                var filter = new ArticleAdminFilter("pháp luật", 1, state, "Tác giả", InBin: false, CreatedById: "user-1", sort);
                yield return ("ArticleAdminRepository.ListAsync", db => new ArticleAdminRepository(db).ListAsync(filter, 2, 20, Now));
            }
        }

        yield return ("ArticleAdminRepository.ListAsync", db => new ArticleAdminRepository(db).ListAsync(new ArticleAdminFilter(null, null, null, null, InBin: true), 1, 20, Now));
        yield return ("ArticleAdminRepository.CountByStateAsync", db => new ArticleAdminRepository(db).CountByStateAsync(Now));
        yield return ("ArticleAdminRepository.ListRevisionsAsync", db => new ArticleAdminRepository(db).ListRevisionsAsync(7));

        var audit = new AuditFilter("quan-tri@stp.example.vn", "Article", "Publish", "7", Now.AddDays(-7), Now);
        yield return ("AuditRepository.ListAsync", db => new AuditRepository(db).ListAsync(audit, 2, 50));
        yield return ("AuditRepository.ListAsync", db => new AuditRepository(db).ListAsync(new AuditFilter(null, null, null, null, null, null), 1, 50));
        yield return ("AuditRepository.StreamAsync", async db =>
        {
            await foreach (var _ in new AuditRepository(db).StreamAsync(audit))
            {
            }
        });
        yield return ("AuditRepository.ChoicesAsync", db => new AuditRepository(db).ChoicesAsync());

        yield return ("ContentRepository.FindShownLinkUrlAsync", db => new ContentRepository(db).FindShownLinkUrlAsync(3));
        yield return ("ContentRepository.FindCategoryAsync", db => new ContentRepository(db).FindCategoryAsync("tin-tuc"));
        yield return ("ContentRepository.ListPublicMenuAsync", db => new ContentRepository(db).ListPublicMenuAsync());
        yield return ("ContentRepository.ListCategoriesAsync", db => new ContentRepository(db).ListCategoriesAsync());
        yield return ("ContentRepository.FindPublishedPageAsync", db => new ContentRepository(db).FindPublishedPageAsync("gioi-thieu"));
        yield return ("ContentRepository.ListPublishedPagesAsync", db => new ContentRepository(db).ListPublishedPagesAsync());
        yield return ("ContentRepository.LoadRedirectsAsync", db => new ContentRepository(db).LoadRedirectsAsync());

        var batch = new CounterBatch(
            3,
            5,
            new Dictionary<DateOnly, (long Visits, long PageViews)> { [day] = (3, 5) },
            new Dictionary<int, long> { [7] = 2 },
            new Dictionary<string, DateTime>(StringComparer.Ordinal) { ["hash-1"] = Now });
        yield return ("CounterRepository.ApplyAsync", db => new CounterRepository(db).ApplyAsync(batch, Now.AddMinutes(-30)));
        yield return ("CounterRepository.GetTotalAsync", db => new CounterRepository(db).GetTotalAsync("visits"));
        yield return ("CounterRepository.CountVisitorsSinceAsync", db => new CounterRepository(db).CountVisitorsSinceAsync(Now.AddMinutes(-5)));
        yield return ("CounterRepository.FindSeenSinceAsync", db => new CounterRepository(db).FindSeenSinceAsync(["hash-1", "hash-2"], Now.AddMinutes(-30)));
        yield return ("CounterRepository.ListDailyAsync", db => new CounterRepository(db).ListDailyAsync(day.AddDays(-30), day));
        yield return ("CounterRepository.GetArticleViewsAsync", db => new CounterRepository(db).GetArticleViewsAsync(7));
        yield return ("CounterRepository.GetOrCreateDayKeyAsync", db => new CounterRepository(db).GetOrCreateDayKeyAsync(day, new byte[32], Now));

        yield return ("SiteSettingsRepository.GetAsync", db => new SiteSettingsRepository(db).GetAsync());

        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        yield return ("AttachmentRepository.ListForArticleAsync", db => new AttachmentRepository(db, clock).ListForArticleAsync(7));
        yield return ("AttachmentRepository.ListForPageAsync", db => new AttachmentRepository(db, clock).ListForPageAsync(3));
        yield return ("AttachmentRepository.ListForDocumentAsync", db => new AttachmentRepository(db, clock).ListForDocumentAsync(5));
        yield return ("AttachmentRepository.FindDownloadAsync", db => new AttachmentRepository(db, clock).FindDownloadAsync(9));

        DocumentRepository Documents(PortalDbContext db) => new(db, clock);
        yield return ("DocumentRepository.ListTermsAsync", db => Documents(db).ListTermsAsync());
        foreach (var effect in Enum.GetValues<LegalEffect>().Select(e => (LegalEffect?)e).Append(null))
        {
            var everything = new DocumentFilter(1, 2, 3, 2025, effect, "15/2025/qd-ubnd");
            yield return ("DocumentRepository.ListPublicAsync", db => Documents(db).ListPublicAsync(everything, null, 2, 20, day));
            yield return ("DocumentRepository.ListPublicAsync", db => Documents(db).ListPublicAsync(everything, [5, 3, 9], 1, 20, day));
        }

        yield return ("DocumentRepository.ListPublicAsync", db => Documents(db).ListPublicAsync(new DocumentFilter(), null, 1, 20, day));
        yield return ("DocumentRepository.ListPublicAsync", db => Documents(db).ListPublicAsync(new DocumentFilter(), [4, 2], 1, 20, day));
        yield return ("DocumentRepository.ListYearsAsync", db => Documents(db).ListYearsAsync());
        yield return ("DocumentRepository.GetPublicAsync", db => Documents(db).GetPublicAsync(5));
        yield return ("DocumentRepository.ListLatestAsync", db => Documents(db).ListLatestAsync(5));
        yield return ("DocumentRepository.ListNewlyPublishedAsync", db => Documents(db).ListNewlyPublishedAsync(20));
        yield return ("DocumentRepository.ListForSitemapAsync", db => Documents(db).ListForSitemapAsync(1000));
        yield return ("DocumentRepository.ListRelatedToArticleAsync", db => Documents(db).ListRelatedToArticleAsync(7));

        // Issue 22: the sitemap index (highest public id of each kind, read back along the key) and its files (an id range).
        foreach (var kind in Enum.GetValues<SitemapKind>())
        {
            yield return ("SitemapRepository.HighestPublicIdAsync", db => new SitemapRepository(db, clock).HighestPublicIdAsync(kind));
            yield return ("SitemapRepository.StreamPublicAsync", async db =>
            {
                await foreach (var _ in new SitemapRepository(db, clock).StreamPublicAsync(kind, 25_000, 50_000))
                {
                }
            });
        }

        SearchContentRepository Content(PortalDbContext db) => new(db, Articles(db));
        yield return ("SearchContentRepository.ListIndexableDocumentsAsync", db => Content(db).ListIndexableDocumentsAsync(0, 100));
        yield return ("SearchContentRepository.GetIndexableDocumentAsync", db => Content(db).GetIndexableDocumentAsync(5));
        yield return ("SearchContentRepository.ListIndexablePagesAsync", db => Content(db).ListIndexablePagesAsync(0, 100));
        yield return ("SearchContentRepository.GetIndexablePageAsync", db => Content(db).GetIndexablePageAsync(3));
        yield return ("SearchContentRepository.CountIndexableAsync", db => Content(db).CountIndexableAsync());
        yield return ("SearchContentRepository.FingerprintAsync", db => Content(db).FingerprintAsync());
        yield return ("SearchContentRepository.DocumentsFingerprintAsync", db => Content(db).DocumentsFingerprintAsync());
        yield return ("SearchContentRepository.PagesFingerprintAsync", db => Content(db).PagesFingerprintAsync());
        yield return ("SearchContentRepository.FilterPublicDocumentsAsync", db => Content(db).FilterPublicDocumentsAsync([1, 2, 3], Now));
        yield return ("SearchContentRepository.FilterPublishedPagesAsync", db => Content(db).FilterPublishedPagesAsync([1, 2, 3]));

        yield return ("FileTextRepository.ClaimNextAsync", db => new FileTextRepository(db).ClaimNextAsync(Now, TimeSpan.FromMinutes(10)));
        yield return ("FileTextRepository.CompleteAsync", db => new FileTextRepository(db).CompleteAsync(9, Now.AddMinutes(-1), FileTextState.Extracted, "văn bản", null, Now));
        yield return ("FileTextRepository.RequeueAsync", db => new FileTextRepository(db).RequeueAsync(all: false));
        yield return ("FileTextRepository.RequeueAsync", db => new FileTextRepository(db).RequeueAsync(all: true));
        yield return ("FileTextRepository.StatusAsync", db => new FileTextRepository(db).StatusAsync(5));

        VideoRepository Videos(PortalDbContext db) => new(db, new FakeTimeProvider(new DateTimeOffset(Now)));
        yield return ("AlbumRepository.ListPublicAsync", db => new AlbumRepository(db, new AlbumTotals()).ListPublicAsync(2, 12, Now));
        yield return ("AlbumRepository.ListLatestAsync", db => new AlbumRepository(db, new AlbumTotals()).ListLatestAsync(3, Now));
        yield return ("AlbumRepository.ListForSitemapAsync", db => new AlbumRepository(db, new AlbumTotals()).ListForSitemapAsync(5000, Now));
        yield return ("AlbumRepository.GetPublicAsync", db => new AlbumRepository(db, new AlbumTotals()).GetPublicAsync(3, Now));
        yield return ("VideoRepository.ListPublicAsync", db => Videos(db).ListPublicAsync(2, 12));
        yield return ("VideoRepository.ListLatestAsync", db => Videos(db).ListLatestAsync(1));
        yield return ("VideoRepository.GetPublicAsync", db => Videos(db).GetPublicAsync(3));
        yield return ("VideoRepository.FindFileAsync", db => Videos(db).FindFileAsync(3));

        // Issue 21: comments on drafts, questions (public side and their index), procedures and officials.
        yield return ("DocumentRepository.ListCommentPeriodsAsync", db => Documents(db).ListCommentPeriodsAsync(day.AddDays(-90), 100));
        yield return ("DocumentRepository.GetCommentTargetAsync", db => Documents(db).GetCommentTargetAsync(5));
        yield return ("SearchContentRepository.ListIndexableQuestionsAsync", db => Content(db).ListIndexableQuestionsAsync(0, 100));
        yield return ("SearchContentRepository.GetIndexableQuestionAsync", db => Content(db).GetIndexableQuestionAsync(4));
        yield return ("SearchContentRepository.FilterPublicQuestionsAsync", db => Content(db).FilterPublicQuestionsAsync([1, 2, 3], Now));
        yield return ("SearchContentRepository.QuestionsFingerprintAsync", db => Content(db).QuestionsFingerprintAsync());
        QuestionRepository Questions(PortalDbContext db) => new(db, clock);
        yield return ("QuestionRepository.ListFieldsAsync", db => Questions(db).ListFieldsAsync());
        yield return ("QuestionRepository.ListPublicAsync", db => Questions(db).ListPublicAsync(3, null, 2, 10));
        yield return ("QuestionRepository.ListPublicAsync", db => Questions(db).ListPublicAsync(null, [4, 2], 1, 10));
        yield return ("QuestionRepository.GetPublicAsync", db => Questions(db).GetPublicAsync(4));
        yield return ("QuestionRepository.ListLatestAsync", db => Questions(db).ListLatestAsync(20));
        yield return ("QuestionRepository.TrackAsync", db => Questions(db).TrackAsync("ACDEFGHJKM"));
        yield return ("QuestionRepository.TrackingCodeExistsAsync", db => Questions(db).TrackingCodeExistsAsync("ACDEFGHJKM"));
        yield return ("QuestionRepository.ListModeratorEmailsAsync", db => Questions(db).ListModeratorEmailsAsync());
        yield return ("AgencyRepository.ListProceduresAsync", db => new AgencyRepository(db).ListProceduresAsync("ly-lich-tu-phap", "ly lich", 1, 10));
        yield return ("AgencyRepository.ListProceduresAsync", db => new AgencyRepository(db).ListProceduresAsync(null, null, 2, 10));
        yield return ("AgencyRepository.ListAllProceduresAsync", db => new AgencyRepository(db).ListAllProceduresAsync());
        yield return ("AgencyRepository.GetProcedureAsync", db => new AgencyRepository(db).GetProcedureAsync(3));
        yield return ("AgencyRepository.ListProcedureFieldsAsync", db => new AgencyRepository(db).ListProcedureFieldsAsync());
        yield return ("AgencyRepository.ListOfficialsAsync", db => new AgencyRepository(db).ListOfficialsAsync());
        OutgoingMailRepository Mail(PortalDbContext db) => new(db);
        yield return ("OutgoingMailRepository.ListDueAsync", db => Mail(db).ListDueAsync(Now, 20));
        yield return ("OutgoingMailRepository.TryClaimAsync", db => Mail(db).TryClaimAsync(9, Now, Now.AddMinutes(5)));
        yield return ("OutgoingMailRepository.MarkSentAsync", db => Mail(db).MarkSentAsync(9, Now));
        yield return ("OutgoingMailRepository.MarkFailedAsync", db => Mail(db).MarkFailedAsync(9, 3, "lỗi kết nối", Now.AddMinutes(4), Now));
        yield return ("OutgoingMailRepository.MarkFailedAsync", db => Mail(db).MarkFailedAsync(9, 8, "lỗi kết nối", null, Now));
        yield return ("OutgoingMailRepository.RetryAsync", db => Mail(db).RetryAsync(9, Now));
        yield return ("OutgoingMailRepository.CountGivenUpAsync", db => Mail(db).CountGivenUpAsync());
        foreach (var state in Enum.GetValues<MailState>())
        {
            yield return ("OutgoingMailRepository.ListAsync", db => Mail(db).ListAsync(state, 2, 30));
        }

        yield return ("OutgoingMailRepository.ListAsync", db => Mail(db).ListAsync(null, 1, 30));
        yield return ("OutgoingMailRepository.DeleteFinishedBeforeAsync", db => Mail(db).DeleteFinishedBeforeAsync(Now.AddDays(-30)));
        yield return ("OutgoingMailRepository.CountToAsync", db => Mail(db).CountToAsync("nguoi.hoi@example.vn"));
        yield return ("OutgoingMailRepository.DeleteToAsync", db => Mail(db).DeleteToAsync("nguoi.hoi@example.vn"));
    }

    [Fact]
    public async Task Every_repository_query_parses_as_TSQL()
    {
        var failures = new List<string>();
        var statements = 0;
        foreach (var (method, call) in RepositoryCalls())
        {
            var capture = new SqlServerCommandCapture();
            await using (var db = CreateContext(capture))
            {
                try
                {
                    await call(db);
                }
                catch (InvalidOperationException e) when (!e.Message.Contains("could not be translated", StringComparison.Ordinal))
                {
                    // No rows where the code expects one ("Sequence contains no elements"): the SQL was captured already.
                }
                catch (DbUpdateException)
                {
                    // A pretend save affects no row.
                }
            }

            if (capture.Commands.Count == 0)
            {
                failures.Add($"{method}: sent no command");
            }

            statements += capture.Commands.Count;
            failures.AddRange(capture.Commands.SelectMany(ParseErrors).Select(e => $"{method}: {e}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(statements > 50, $"only {statements} statements captured");
    }

    [Fact]
    public void Every_public_repository_method_is_in_the_list_above()
    {
        var covered = RepositoryCalls().Select(c => c.Method).ToHashSet(StringComparer.Ordinal);
        var methods = typeof(ArticleRepository).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ArticleRepository).Namespace && t.Name.EndsWith("Repository", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(methods.Except(covered));
    }
}
