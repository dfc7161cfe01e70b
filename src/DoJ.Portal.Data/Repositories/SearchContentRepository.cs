using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.Data.Repositories;

/// <summary>A document of the register as the search index holds it (published, possibly still scheduled).</summary>
/// <param name="FileTexts">The text read from its PDF/DOCX attachments (<see cref="FileTextState.Extracted"/> only), in list order.</param>
public sealed record DocumentIndexItem(
    int Id,
    string Number,
    string Slug,
    string Abstract,
    string Signer,
    string DocumentType,
    string IssuingBody,
    string Field,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    IReadOnlyList<string> FileTexts);

/// <summary>A published static page as the search index holds it.</summary>
public sealed record PageIndexItem(int Id, string Title, string Slug, string Body, DateTime UpdatedAtUtc);

/// <summary>A public question as the search index holds it: title, question, answer and field, never the asker's contact details.</summary>
public sealed record QuestionIndexItem(int Id, string Title, string Slug, string Body, string Answer, string Field, DateTime PublishedAtUtc, DateTime UpdatedAtUtc);

/// <summary>What the index was written from, one part per kind; a part that differs from the database's means a rebuild.</summary>
public sealed record IndexFingerprint(string Articles, string Documents, string Pages, string Questions = "")
{
    public override string ToString() => $"{Articles}|{Documents}|{Pages}|{Questions}";
}

/// <summary>
/// The queries the search index is built and checked from, for every kind it holds: articles (through
/// <see cref="Articles"/>), public documents of the register with the text of their files, published
/// static pages and public questions. The change sequence itself is read through <see cref="ArticleRepository"/>.
/// </summary>
public sealed class SearchContentRepository(PortalDbContext db, ArticleRepository articles)
{
    /// <summary>Documents carry the text of their files (up to a million characters each): read fewer at a time.</summary>
    public const int DocumentBatchSize = 50;

    public ArticleRepository Articles { get; } = articles;

    /// <summary>Indexed: published and not deleted, including scheduled (left out by the search until their time).</summary>
    private IQueryable<LegalDocument> IndexableDocuments() =>
        db.LegalDocuments.AsNoTracking().Where(d => d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc != null);

    private IQueryable<StaticPage> IndexablePages() => db.StaticPages.AsNoTracking().Where(p => p.IsPublished);

    /// <summary>Indexed: published questions, including any published for later (left out by the search until then).</summary>
    private IQueryable<Question> IndexableQuestions() =>
        db.Questions.AsNoTracking().Where(q => q.Status == QuestionStatus.Published && q.PublishedAtUtc != null);

    private static IQueryable<QuestionIndexItem> ProjectQuestions(IQueryable<Question> query) =>
        query.Select(q => new QuestionIndexItem(q.Id, q.Title, q.Slug, q.Body, q.Answer ?? "", q.Field!.Name, q.PublishedAtUtc!.Value, q.UpdatedAtUtc));

    /// <summary>The next indexable questions after <paramref name="afterId"/> in id order; empty at the end.</summary>
    public Task<List<QuestionIndexItem>> ListIndexableQuestionsAsync(int afterId, int batchSize, CancellationToken cancellationToken = default) =>
        ProjectQuestions(IndexableQuestions().Where(q => q.Id > afterId).OrderBy(q => q.Id).Take(batchSize)).ToListAsync(cancellationToken);

    public Task<QuestionIndexItem?> GetIndexableQuestionAsync(int id, CancellationToken cancellationToken = default) =>
        ProjectQuestions(IndexableQuestions().Where(q => q.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The ids among <paramref name="ids"/> of questions public now.</summary>
    public async Task<HashSet<int>> FilterPublicQuestionsAsync(IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id)).Where(Question.IsPublicAt(nowUtc))
            .Select(q => q.Id).ToListAsync(cancellationToken);
        return [.. found];
    }

    public async Task<string> QuestionsFingerprintAsync(CancellationToken cancellationToken = default)
    {
        var questions = IndexableQuestions();
        var count = await questions.CountAsync(cancellationToken);
        var maxId = await questions.MaxAsync(q => (int?)q.Id, cancellationToken) ?? 0;
        var lastUpdate = await questions.MaxAsync(q => (DateTime?)q.UpdatedAtUtc, cancellationToken);
        return $"{count}:{maxId}:{lastUpdate?.Ticks ?? 0}";
    }

    /// <summary>The next indexable documents after <paramref name="afterId"/> in id order; empty at the end.</summary>
    public async Task<List<DocumentIndexItem>> ListIndexableDocumentsAsync(int afterId, int batchSize, CancellationToken cancellationToken = default)
    {
        var rows = await IndexableDocuments().Where(d => d.Id > afterId).OrderBy(d => d.Id).Take(batchSize)
            .Select(d => new DocumentRow(d.Id, d.Number, d.Slug, d.Abstract, d.Signer, d.DocumentType!.Name, d.IssuingBody!.Name, d.Field!.Name, d.PublishedAtUtc!.Value, d.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return await WithFileTextsAsync(rows, cancellationToken);
    }

    public async Task<DocumentIndexItem?> GetIndexableDocumentAsync(int id, CancellationToken cancellationToken = default)
    {
        var rows = await IndexableDocuments().Where(d => d.Id == id)
            .Select(d => new DocumentRow(d.Id, d.Number, d.Slug, d.Abstract, d.Signer, d.DocumentType!.Name, d.IssuingBody!.Name, d.Field!.Name, d.PublishedAtUtc!.Value, d.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return (await WithFileTextsAsync(rows, cancellationToken)).FirstOrDefault();
    }

    /// <summary>The next published pages after <paramref name="afterId"/> in id order; empty at the end.</summary>
    public Task<List<PageIndexItem>> ListIndexablePagesAsync(int afterId, int batchSize, CancellationToken cancellationToken = default) =>
        IndexablePages().Where(p => p.Id > afterId).OrderBy(p => p.Id).Take(batchSize)
            .Select(p => new PageIndexItem(p.Id, p.Title, p.Slug, p.Body, p.UpdatedAtUtc))
            .ToListAsync(cancellationToken);

    public Task<PageIndexItem?> GetIndexablePageAsync(int id, CancellationToken cancellationToken = default) =>
        IndexablePages().Where(p => p.Id == id)
            .Select(p => new PageIndexItem(p.Id, p.Title, p.Slug, p.Body, p.UpdatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many entries the index holds when current (the reindex progress bar's total).</summary>
    public async Task<int> CountIndexableAsync(CancellationToken cancellationToken = default) =>
        await Articles.CountIndexableAsync(cancellationToken)
        + await IndexableDocuments().CountAsync(cancellationToken)
        + await IndexablePages().CountAsync(cancellationToken)
        + await IndexableQuestions().CountAsync(cancellationToken);

    public async Task<IndexFingerprint> FingerprintAsync(CancellationToken cancellationToken = default) =>
        new(await Articles.IndexableFingerprintAsync(cancellationToken),
            await DocumentsFingerprintAsync(cancellationToken),
            await PagesFingerprintAsync(cancellationToken),
            await QuestionsFingerprintAsync(cancellationToken));

    /// <summary>
    /// Count, highest id and latest update of the indexable documents. A file's text read later is not part of it: the
    /// reading writes a <c>ContentChanges</c> row for each document holding the file (in the same transaction), which
    /// every index follows; counting it here made every start during a long reading (the lease's time stamp changes
    /// with each file taken) rebuild the whole index.
    /// </summary>
    public async Task<string> DocumentsFingerprintAsync(CancellationToken cancellationToken = default)
    {
        var documents = IndexableDocuments();
        var count = await documents.CountAsync(cancellationToken);
        // From the top of the primary key and of the change-time index, as for articles (ArticleRepository.IndexableFingerprintAsync).
        var maxId = await IndexTop.FirstAsync(
            db.LegalDocuments.AsNoTracking().OrderByDescending(d => d.Id).Select(d => new IndexTop.Row<int>(d.Id, d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc != null)),
            () => documents.MaxAsync(d => (int?)d.Id, cancellationToken), cancellationToken) ?? 0;
        var lastUpdate = await IndexTop.FirstAsync(
            db.LegalDocuments.AsNoTracking().OrderByDescending(d => d.UpdatedAtUtc).Select(d => new IndexTop.Row<DateTime>(d.UpdatedAtUtc, d.Status == ArticleStatus.Published && !d.IsDeleted && d.PublishedAtUtc != null)),
            () => documents.MaxAsync(d => (DateTime?)d.UpdatedAtUtc, cancellationToken), cancellationToken);
        return $"{count}:{maxId}:{lastUpdate?.Ticks ?? 0}";
    }

    public async Task<string> PagesFingerprintAsync(CancellationToken cancellationToken = default)
    {
        var pages = IndexablePages();
        var count = await pages.CountAsync(cancellationToken);
        var maxId = await pages.MaxAsync(p => (int?)p.Id, cancellationToken) ?? 0;
        var lastUpdate = await pages.MaxAsync(p => (DateTime?)p.UpdatedAtUtc, cancellationToken);
        return $"{count}:{maxId}:{lastUpdate?.Ticks ?? 0}";
    }

    /// <summary>The ids among <paramref name="ids"/> of documents public now: search results are checked against the database.</summary>
    public async Task<HashSet<int>> FilterPublicDocumentsAsync(IReadOnlyCollection<int> ids, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await db.LegalDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).Where(LegalDocument.IsPublicAt(nowUtc))
            .Select(d => d.Id).ToListAsync(cancellationToken);
        return [.. found];
    }

    /// <summary>The ids among <paramref name="ids"/> of static pages published now.</summary>
    public async Task<HashSet<int>> FilterPublishedPagesAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var found = await IndexablePages().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. found];
    }

    private async Task<List<DocumentIndexItem>> WithFileTextsAsync(List<DocumentRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var texts = await db.Attachments.AsNoTracking()
            .Where(a => a.LegalDocumentId != null && ids.Contains(a.LegalDocumentId.Value) && a.StoredFile!.TextState == FileTextState.Extracted)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new { DocumentId = a.LegalDocumentId!.Value, a.StoredFile!.Text })
            .ToListAsync(cancellationToken);
        var byDocument = texts.Where(t => !string.IsNullOrEmpty(t.Text)).ToLookup(t => t.DocumentId, t => t.Text!);
        return rows.Select(r => new DocumentIndexItem(
            r.Id, r.Number, r.Slug, r.Abstract, r.Signer, r.DocumentType, r.IssuingBody, r.Field, r.PublishedAtUtc, r.UpdatedAtUtc,
            byDocument[r.Id].ToList())).ToList();
    }

    private sealed record DocumentRow(
        int Id, string Number, string Slug, string Abstract, string Signer, string DocumentType, string IssuingBody, string Field, DateTime PublishedAtUtc, DateTime UpdatedAtUtc);
}
