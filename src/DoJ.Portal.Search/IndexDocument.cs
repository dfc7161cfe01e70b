using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Documents;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace DoJ.Portal.Search;

/// <summary>
/// How each kind of content is held in the one index: the fields besides <see cref="SearchQueryBuilder"/>'s,
/// and the Lucene document written for an article, a document of the register or a static page. Every kind
/// fills the same ranking fields (title, summary, body, category and their derived fields), so one search
/// ranks them together. A change here is a change of <see cref="SearchIndex.SchemaVersion"/>.
/// </summary>
internal static class IndexDocument
{
    /// <summary>Kind and id (<c>a:12</c>, <c>d:12</c>, <c>p:12</c>, <c>q:12</c>): what an entry is replaced or deleted by; ids of two kinds never collide.</summary>
    public const string KeyField = "key";
    public const string KindField = "kind";
    public const string IdField = "id";
    public const string SlugField = "slug";
    public const string CategorySlugField = "category_slug";

    /// <summary>The publish time (articles, documents) the search leaves out while it is still to come; 0 for pages.</summary>
    public const string PublishedField = "published";

    /// <summary>"Newest first": the publish time, or a page's last update.</summary>
    public const string PublishedSortField = "published_sort";

    /// <summary>The same time as <see cref="PublishedSortField"/>, indexed for ranges: a search reads a common query's levels in windows of it (<see cref="PublishWindows"/>).</summary>
    public const string NewestField = "newest";

    /// <summary>The date a result shows (stored only).</summary>
    public const string DateField = "date";

    /// <summary>A document's number as written (stored only, shown with the result).</summary>
    public const string NumberField = "number";

    /// <summary>A document's <see cref="DocumentNumber.Key"/>, for the exact lookup.</summary>
    public const string NumberKeyField = "number_key";

    /// <summary>Each of a document's <see cref="DocumentNumber.Parts"/>, for "QĐ 15".</summary>
    public const string NumberPartField = "number_part";

    /// <summary>How much of a document's file text is stored for excerpts (all of it is indexed).</summary>
    public const int StoredFileTextChars = SearchIndex.MaxHighlightChars;

    /// <summary>Indexed for matching only: no positions, norms or stored text.</summary>
    private static readonly FieldType MatchOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    /// <summary>Indexed with positions (a phrase of pairs), nothing else.</summary>
    private static readonly FieldType PairsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, OmitNorms = true });

    /// <summary>A word field (title, summary, body, category) as <see cref="TextField"/> indexes it; its text, when shown, is a <see cref="StoredField"/> of its own.</summary>
    private static readonly FieldType Words = TextField.TYPE_NOT_STORED;

    /// <summary>
    /// Analyses every text once (<see cref="AnalyzedText"/>); thread-safe (its token streams are reused per thread), like
    /// the index's own analyzer, which gives the same tokens.
    /// </summary>
    private static readonly VietnameseAnalyzer Analyzer = new();

    public static string KindName(ContentKind kind) => kind switch
    {
        ContentKind.Document => "document",
        ContentKind.Page => "page",
        ContentKind.Question => "question",
        _ => "article",
    };

    public static ContentKind ParseKind(string? name) => name switch
    {
        "document" => ContentKind.Document,
        "page" => ContentKind.Page,
        "question" => ContentKind.Question,
        _ => ContentKind.Article,
    };

    /// <summary>The term an entry is replaced or deleted by.</summary>
    public static Term Key(ContentKind kind, int id) => new(KeyField, KindName(kind)[0] + ":" + id.ToString(CultureInfo.InvariantCulture));

    public static Term KindTerm(ContentKind kind) => new(KindField, KindName(kind));

    public static Document From(ArticleIndexItem a)
    {
        var body = HtmlText.From(a.Body);
        var attributes = AnalyzedText.NewAttributes();
        var document = Common(ContentKind.Article, a.Id, a.Slug, a.PublishedAtUtc, a.PublishedAtUtc);
        var title = AddStored(document, attributes, SearchQueryBuilder.Title, a.Title);
        var summary = AddStored(document, attributes, SearchQueryBuilder.Summary, a.Summary);
        var text = AddStored(document, attributes, SearchQueryBuilder.Body, body);
        var category = AddStored(document, attributes, SearchQueryBuilder.Category, a.CategoryName);
        document.Add(new StoredField(CategorySlugField, a.CategorySlug));
        AddDerived(document, attributes, title, [summary], [text], category);
        return document;
    }

    /// <summary>
    /// A document of the register: its abstract (trích yếu) is its title; the number, type, issuing body,
    /// field and signer are its summary (each a value of its own, so no phrase spans two of them); the
    /// text of its files is its body; its type is its category.
    /// </summary>
    public static Document From(DocumentIndexItem d)
    {
        var attributes = AnalyzedText.NewAttributes();
        var document = Common(ContentKind.Document, d.Id, d.Slug, d.PublishedAtUtc, d.PublishedAtUtc);
        string[] facts = [d.Number, d.DocumentType, d.IssuingBody, d.Field, d.Signer];
        var title = AddStored(document, attributes, SearchQueryBuilder.Title, d.Abstract);
        var analyzedFacts = new List<AnalyzedText>(facts.Length);
        foreach (var fact in facts)
        {
            analyzedFacts.Add(AddIndexed(document, attributes, SearchQueryBuilder.Summary, fact));
        }

        document.Add(new StoredField(SearchQueryBuilder.Summary, string.Join(" · ", facts.Where(f => f.Length > 0))));
        var storedText = new System.Text.StringBuilder();
        var analyzedTexts = new List<AnalyzedText>(d.FileTexts.Count);
        foreach (var text in d.FileTexts)
        {
            analyzedTexts.Add(AddIndexed(document, attributes, SearchQueryBuilder.Body, text));
            if (storedText.Length < StoredFileTextChars)
            {
                storedText.Append(text, 0, Math.Min(text.Length, StoredFileTextChars - storedText.Length)).Append(' ');
            }
        }

        document.Add(new StoredField(SearchQueryBuilder.Body, storedText.ToString().TrimEnd()));
        // The type is analysed again here (it is also a fact of the summary): one short text, kept simple.
        var category = AddStored(document, attributes, SearchQueryBuilder.Category, d.DocumentType);
        document.Add(new StoredField(CategorySlugField, ""));
        document.Add(new StoredField(NumberField, d.Number));
        document.Add(new StringField(NumberKeyField, DocumentNumber.Key(d.Number), Field.Store.NO));
        foreach (var part in DocumentNumber.Parts(d.Number).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(NumberPartField, part, Field.Store.NO));
        }

        AddDerived(document, attributes, title, analyzedFacts, analyzedTexts, category);
        return document;
    }

    /// <summary>A static page: its title and body; no summary or category. Never scheduled, so its publish field is 0.</summary>
    public static Document From(PageIndexItem p)
    {
        var body = HtmlText.From(p.Body);
        var attributes = AnalyzedText.NewAttributes();
        var document = Common(ContentKind.Page, p.Id, p.Slug, DateTime.MinValue, p.UpdatedAtUtc);
        var title = AddStored(document, attributes, SearchQueryBuilder.Title, p.Title);
        document.Add(new StoredField(SearchQueryBuilder.Summary, ""));
        var text = AddStored(document, attributes, SearchQueryBuilder.Body, body);
        document.Add(new StoredField(CategorySlugField, ""));
        AddDerived(document, attributes, title, [], [text], AnalyzedText.Of(Analyzer, ""));
        return document;
    }

    /// <summary>
    /// A public question: its title, the question as its summary, the answer as its body and its field as its category.
    /// The asker's name and contact details are not part of <see cref="QuestionIndexItem"/>, so they cannot reach the index.
    /// </summary>
    public static Document From(QuestionIndexItem q)
    {
        var answer = HtmlText.From(q.Answer);
        var attributes = AnalyzedText.NewAttributes();
        var document = Common(ContentKind.Question, q.Id, q.Slug, q.PublishedAtUtc, q.PublishedAtUtc);
        var title = AddStored(document, attributes, SearchQueryBuilder.Title, q.Title);
        var question = AddStored(document, attributes, SearchQueryBuilder.Summary, q.Body);
        var text = AddStored(document, attributes, SearchQueryBuilder.Body, answer);
        var category = AddStored(document, attributes, SearchQueryBuilder.Category, q.Field);
        document.Add(new StoredField(CategorySlugField, ""));
        AddDerived(document, attributes, title, [question], [text], category);
        return document;
    }

    private static Document Common(ContentKind kind, int id, string slug, DateTime publishedAtUtc, DateTime newestAtUtc) =>
    [
        new StringField(KeyField, Key(kind, id).Text, Field.Store.NO),
        new StringField(KindField, KindName(kind), Field.Store.YES),
        new StringField(IdField, id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
        new StoredField(SlugField, slug),
        new Int64Field(PublishedField, publishedAtUtc.Ticks, Field.Store.NO),
        new NumericDocValuesField(PublishedSortField, newestAtUtc.Ticks),
        new Int64Field(NewestField, newestAtUtc.Ticks, Field.Store.NO),
        new StoredField(DateField, newestAtUtc.Ticks),
    ];

    /// <summary>
    /// A word field shown with the result: its words indexed, then its text stored as written. The same as one stored
    /// <see cref="TextField"/>: stored fields keep their order, and the index holds the same terms, positions and norms.
    /// The indexed value must come first: Lucene adds the position gap before every value of a field after the first,
    /// stored-only values included.
    /// </summary>
    private static AnalyzedText AddStored(Document document, AttributeSource attributes, string field, string text)
    {
        var analyzed = AddIndexed(document, attributes, field, text);
        document.Add(new StoredField(field, text));
        return analyzed;
    }

    /// <summary>A word field, indexed only; its words are replayed later into the derived fields.</summary>
    private static AnalyzedText AddIndexed(Document document, AttributeSource attributes, string field, string text)
    {
        var analyzed = AnalyzedText.Of(Analyzer, text);
        document.Add(new Field(field, analyzed.Words(attributes), Words));
        return analyzed;
    }

    /// <summary>The match-only field (every text) and the pair fields (title; summary and body values apart), from the words already analysed.</summary>
    private static void AddDerived(Document document, AttributeSource attributes, AnalyzedText title, IEnumerable<AnalyzedText> summaries, IEnumerable<AnalyzedText> bodies, AnalyzedText category)
    {
        document.Add(new Field(SearchQueryBuilder.All, title.Words(attributes), MatchOnly));
        document.Add(new Field(SearchQueryBuilder.TitlePairs, title.Pairs(attributes), PairsOnly));
        foreach (var text in summaries.Concat(bodies))
        {
            document.Add(new Field(SearchQueryBuilder.All, text.Words(attributes), MatchOnly));
            document.Add(new Field(SearchQueryBuilder.TextPairs, text.Pairs(attributes), PairsOnly));
        }

        document.Add(new Field(SearchQueryBuilder.All, category.Words(attributes), MatchOnly));
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
