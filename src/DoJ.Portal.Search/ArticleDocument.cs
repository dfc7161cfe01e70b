using System.Globalization;
using DoJ.Portal.Data.Repositories;
using Lucene.Net.Documents;
using Lucene.Net.Index;

namespace DoJ.Portal.Search;

/// <summary>
/// How an article is held in the index: the fields besides <see cref="SearchQueryBuilder"/>'s, and the
/// document written for it. A change here is a change of <see cref="SearchIndex.SchemaVersion"/>.
/// </summary>
internal static class ArticleDocument
{
    public const string IdField = "id";
    public const string SlugField = "slug";
    public const string CategorySlugField = "category_slug";
    public const string PublishedField = "published";
    public const string PublishedSortField = "published_sort";

    /// <summary>Indexed for matching only: no positions, norms or stored text.</summary>
    private static readonly FieldType MatchOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });

    /// <summary>Indexed with positions (a phrase of pairs), nothing else.</summary>
    private static readonly FieldType PairsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, OmitNorms = true });

    public static Document From(ArticleIndexItem a)
    {
        var body = HtmlText.From(a.Body);
        return
        [
            new StringField(IdField, a.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StoredField(SlugField, a.Slug),
            new TextField(SearchQueryBuilder.Title, a.Title, Field.Store.YES),
            new TextField(SearchQueryBuilder.Summary, a.Summary, Field.Store.YES),
            new TextField(SearchQueryBuilder.Body, body, Field.Store.YES),
            new TextField(SearchQueryBuilder.Category, a.CategoryName, Field.Store.YES),
            new Field(SearchQueryBuilder.All, a.Title, MatchOnly),
            new Field(SearchQueryBuilder.All, a.Summary, MatchOnly),
            new Field(SearchQueryBuilder.All, body, MatchOnly),
            new Field(SearchQueryBuilder.All, a.CategoryName, MatchOnly),
            new Field(SearchQueryBuilder.TitlePairs, a.Title, PairsOnly),
            new Field(SearchQueryBuilder.TextPairs, a.Summary, PairsOnly),
            new Field(SearchQueryBuilder.TextPairs, body, PairsOnly),
            new StoredField(CategorySlugField, a.CategorySlug),
            new Int64Field(PublishedField, a.PublishedAtUtc.Ticks, Field.Store.YES),
            new NumericDocValuesField(PublishedSortField, a.PublishedAtUtc.Ticks),
        ];
    }

    /// <summary>The id term an article's document is replaced or deleted by.</summary>
    public static Term Key(int id) => new(IdField, id.ToString(CultureInfo.InvariantCulture));

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }
}
