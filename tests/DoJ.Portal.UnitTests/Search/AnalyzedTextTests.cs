using System.Globalization;
using DoJ.Portal.Data.Repositories;
using DoJ.Portal.DatasetGenerator;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DoJ.Portal.UnitTests.Search;

/// <summary>
/// Each text is analysed once and its words replayed into its field, <c>all</c> and a pair field
/// (<see cref="AnalyzedText"/>): the index must hold exactly what the analyzer gives for each field from the text.
/// </summary>
public sealed class AnalyzedTextTests
{
    /// <summary>Longer than the tokenizer's 64 characters: skipped, leaving a gap in the positions.</summary>
    private static readonly string OverLong = new('x', 70);

    public static TheoryData<string> Texts() =>
    [
        "",
        " ",
        "Đẩy mạnh bảo vệ, chăm sóc trẻ em",
        "Đẩy mạnh bảo vệ trẻ em".Normalize(System.Text.NormalizationForm.FormD),
        "một",
        "-- ? !",
        "Quyết định số 15/2024/QĐ-UBND ngày 12.3.2024 về 2.500.000 đồng",
        $"{OverLong} đứng đầu",
        $"ở giữa {OverLong} ở giữa",
        $"cuối cùng {OverLong}",
        $"hai {OverLong} {OverLong} liền",
        OverLong,
        "  khoảng trắng   đầu và cuối  ",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void Replayed_words_are_the_tokens_the_analyzer_gives_a_word_field(string text)
    {
        using var analyzer = new VietnameseAnalyzer();

        Assert.Equal(Tokens(analyzer.GetTokenStream(SearchQueryBuilder.Body, text)), Tokens(AnalyzedText.Of(analyzer, text).Words(AnalyzedText.NewAttributes())));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Replayed_pairs_are_the_tokens_the_analyzer_gives_a_pair_field(string text)
    {
        using var analyzer = new VietnameseAnalyzer();

        Assert.Equal(Tokens(analyzer.GetTokenStream(SearchQueryBuilder.TextPairs, text)), Tokens(AnalyzedText.Of(analyzer, text).Pairs(AnalyzedText.NewAttributes())));
    }

    [Fact]
    public void The_tokens_of_generated_articles_replay_as_the_analyzer_gives_them()
    {
        using var analyzer = new VietnameseAnalyzer();
        foreach (var article in Articles(50))
        {
            foreach (var text in new[] { article.Title, article.Summary, article.Body, article.CategoryName })
            {
                var analyzed = AnalyzedText.Of(analyzer, text);
                Assert.Equal(Tokens(analyzer.GetTokenStream(SearchQueryBuilder.Body, text)), Tokens(analyzed.Words(AnalyzedText.NewAttributes())));
                Assert.Equal(Tokens(analyzer.GetTokenStream(SearchQueryBuilder.TitlePairs, text)), Tokens(analyzed.Pairs(AnalyzedText.NewAttributes())));
            }
        }
    }

    /// <summary>
    /// Two indexes on disk: one written from <see cref="IndexDocument"/> (replayed words), one from the same content with every
    /// field analysed from its own text by the index's analyzer (the documents as they were built before the replay). Every
    /// field's terms, postings (documents, frequencies, positions), norms and every stored field must be the same.
    /// </summary>
    [Fact]
    public void An_index_of_replayed_fields_holds_what_an_index_of_analysed_fields_holds()
    {
        var articles = Articles(300);
        var documents = Documents();
        var pages = new[] { new PageIndexItem(1, "Giới thiệu Sở Tư pháp", "gioi-thieu", "<p>Chức năng, <b>nhiệm vụ</b> &amp; quyền hạn</p>", new DateTime(2026, 1, 2, 0, 0, 0, DateTimeKind.Utc)) };
        var questions = new[] { new QuestionIndexItem(1, "Hỏi về hộ tịch", "hoi-ve-ho-tich", "Đăng ký khai sinh ở đâu?", "<p>Tại Ủy ban nhân dân cấp xã.</p>", "Hộ tịch", new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 3, 0, 0, 0, DateTimeKind.Utc)) };

        var folder = Path.Combine(Path.GetTempPath(), "analyzed-text-" + Guid.NewGuid().ToString("N"));
        try
        {
            var replayed = articles.Select(IndexDocument.From).Concat(documents.Select(IndexDocument.From)).Concat(pages.Select(IndexDocument.From)).Concat(questions.Select(IndexDocument.From));
            var analysed = articles.Select(Reference.From).Concat(documents.Select(Reference.From)).Concat(pages.Select(Reference.From)).Concat(questions.Select(Reference.From));
            using var replayedDirectory = Write(Path.Combine(folder, "replayed"), replayed);
            using var analysedDirectory = Write(Path.Combine(folder, "analysed"), analysed);
            using var expected = DirectoryReader.Open(analysedDirectory);
            using var actual = DirectoryReader.Open(replayedDirectory);

            Assert.Equal(articles.Count + documents.Count + 2, actual.NumDocs);
            AssertSameIndex(expected, actual);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_comparison_sees_a_single_position_of_difference()
    {
        var article = Articles(1)[0];
        var folder = Path.Combine(Path.GetTempPath(), "analyzed-text-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var analyzer = new VietnameseAnalyzer();
            var body = HtmlText.From(article.Body);
            var moved = Reference.From(article);
            // The same words, the body's last one position further: only a position differs.
            moved.RemoveFields(SearchQueryBuilder.Body);
            var words = analyzer.Terms(SearchQueryBuilder.Body, body, int.MaxValue).Count;
            moved.Add(new TextField(SearchQueryBuilder.Body, new ShiftedLastWord(analyzer.GetTokenStream(SearchQueryBuilder.Body, body), words)));
            using var one = Write(Path.Combine(folder, "one"), [Reference.From(article)]);
            using var other = Write(Path.Combine(folder, "other"), [moved]);
            using var expected = DirectoryReader.Open(one);
            using var actual = DirectoryReader.Open(other);

            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertPostings(expected, actual, SearchQueryBuilder.Body));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static List<(string Term, int Increment, int Start, int End)> Tokens(TokenStream stream)
    {
        using (stream)
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var tokens = new List<(string, int, int, int)>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add((term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
            }

            stream.End();
            tokens.Add(("<end>", increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
            return tokens;
        }
    }

    private static List<ArticleIndexItem> Articles(int count)
    {
        var pools = PhrasePools.Load();
        var categories = pools.Topics.Keys.Select((slug, i) => new Category { Id = i + 1, Slug = slug, Name = "Chuyên mục " + slug }).ToList();
        var now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var composer = new ArticleComposer(pools, new Random(7), categories, count, now);
        return Enumerable.Range(1, count).Select(number =>
        {
            var a = composer.Next(number);
            var category = categories.Single(c => c.Id == a.CategoryId);
            return new ArticleIndexItem(number, a.Title, a.Slug, a.Summary, a.Body, category.Name, category.Slug, a.PublishedAtUtc ?? now, a.UpdatedAtUtc);
        }).ToList();
    }

    private static List<DocumentIndexItem> Documents()
    {
        var at = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        return
        [
            new(1, "15/2024/QĐ-UBND", "qd-15", "Quyết định ban hành quy chế phối hợp phổ biến, giáo dục pháp luật", "Nguyễn Văn A", "Quyết định", "Ủy ban nhân dân tỉnh", "Phổ biến pháp luật", at, at,
                ["Điều 1. Ban hành kèm theo Quyết định này quy chế phối hợp.", $"Điều 2. {OverLong} hiệu lực thi hành kể từ ngày ký {OverLong}"]),
            new(2, "", "cv-khong-so", "Công văn về việc hướng dẫn đăng ký hộ tịch", "", "Công văn", "Sở Tư pháp", "", at, at, []),
            new(3, "07/CT-UBND", "ct-07", $"Chỉ thị {OverLong}", "Trần Thị B", "Chỉ thị", "Ủy ban nhân dân tỉnh", "Hộ tịch", at, at, ["", "   ", "Đăng ký khai sinh, khai tử đúng hạn."]),
            new(4, "08/TB-STP", "tb-08", "Thông báo lịch tiếp công dân", "", "Thông báo", "Sở Tư pháp", "", at, at, [""]),
            new(5, "09/KH-STP", "kh-09", "Kế hoạch công tác năm", "", "Kế hoạch", "Sở Tư pháp", "", at, at, []),
        ];
    }

    private static FSDirectory Write(string path, IEnumerable<LuceneDocument> documents)
    {
        var directory = FSDirectory.Open(path);
        using var analyzer = new VietnameseAnalyzer();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(VietnameseAnalyzer.Version, analyzer) { OpenMode = OpenMode.CREATE });
        foreach (var document in documents)
        {
            writer.AddDocument(document);
        }

        writer.Commit();
        return directory;
    }

    private static void AssertSameIndex(DirectoryReader expected, DirectoryReader actual)
    {
        var expectedInfos = MultiFields.GetMergedFieldInfos(expected);
        var actualInfos = MultiFields.GetMergedFieldInfos(actual);
        Assert.Equal(expectedInfos.Select(Describe), actualInfos.Select(Describe));
        var indexed = MultiFields.GetFields(expected).ToList();
        Assert.Equal(indexed, MultiFields.GetFields(actual).ToList());
        Assert.Contains(SearchQueryBuilder.TextPairs, indexed);
        foreach (var field in indexed)
        {
            AssertPostings(expected, actual, field);
            var expectedNorms = MultiDocValues.GetNormValues(expected, field);
            var actualNorms = MultiDocValues.GetNormValues(actual, field);
            Assert.Equal(expectedNorms is null, actualNorms is null);
            for (var doc = 0; expectedNorms is not null && doc < expected.MaxDoc; doc++)
            {
                Assert.True(expectedNorms.Get(doc) == actualNorms!.Get(doc), $"norm of {field} in document {doc}");
            }
        }

        for (var doc = 0; doc < expected.MaxDoc; doc++)
        {
            Assert.Equal(Stored(expected.Document(doc)), Stored(actual.Document(doc)));
        }
    }

    private static void AssertPostings(IndexReader expected, IndexReader actual, string field)
    {
        var expectedTerms = MultiFields.GetTerms(expected, field).GetEnumerator();
        var actualTerms = MultiFields.GetTerms(actual, field).GetEnumerator();
        var checkedTerms = 0;
        while (expectedTerms.MoveNext())
        {
            Assert.True(actualTerms.MoveNext(), $"{field}: {expectedTerms.Term.Utf8ToString()} missing");
            Assert.Equal(expectedTerms.Term.Utf8ToString(), actualTerms.Term.Utf8ToString());
            Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
            Assert.Equal(expectedTerms.TotalTermFreq, actualTerms.TotalTermFreq);
            var expectedPositions = expectedTerms.DocsAndPositions(null, null);
            var actualPositions = actualTerms.DocsAndPositions(null, null);
            Assert.Equal(expectedPositions is null, actualPositions is null);
            if (expectedPositions is null)
            {
                var expectedDocs = expectedTerms.Docs(null, null, DocsFlags.FREQS);
                var actualDocs = actualTerms.Docs(null, null, DocsFlags.FREQS);
                while (expectedDocs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(expectedDocs.DocID, actualDocs.NextDoc());
                    Assert.Equal(expectedDocs.Freq, actualDocs.Freq);
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, actualDocs.NextDoc());
            }
            else
            {
                while (expectedPositions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(expectedPositions.DocID, actualPositions!.NextDoc());
                    Assert.Equal(expectedPositions.Freq, actualPositions.Freq);
                    for (var i = 0; i < expectedPositions.Freq; i++)
                    {
                        Assert.Equal(expectedPositions.NextPosition(), actualPositions.NextPosition());
                    }
                }

                Assert.Equal(DocIdSetIterator.NO_MORE_DOCS, actualPositions!.NextDoc());
            }

            checkedTerms++;
        }

        Assert.False(actualTerms.MoveNext(), $"{field}: {actualTerms.Term?.Utf8ToString()} is extra");
        Assert.True(checkedTerms > 0, field);
    }

    private static string Describe(FieldInfo info) =>
        $"{info.Name} indexed={info.IsIndexed} options={info.IndexOptions} norms={info.HasNorms} docvalues={info.DocValuesType} vectors={info.HasVectors} payloads={info.HasPayloads}";

    private static List<string> Stored(LuceneDocument document) =>
        document.Fields.Select(f => $"{f.Name}={f.GetStringValue(CultureInfo.InvariantCulture)}|{f.GetInt64Value()?.ToString(CultureInfo.InvariantCulture)}").ToList();

    /// <summary>A word field's tokens as the analyzer gives them, except that the last word is one position further.</summary>
    private sealed class ShiftedLastWord : TokenFilter
    {
        private readonly IPositionIncrementAttribute increment;
        private readonly int last;
        private int seen;

        public ShiftedLastWord(TokenStream input, int last)
            : base(input)
        {
            increment = AddAttribute<IPositionIncrementAttribute>();
            this.last = last;
        }

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            if (++seen == last)
            {
                increment.PositionIncrement++;
            }

            return true;
        }

        public override void Reset()
        {
            base.Reset();
            seen = 0;
        }
    }

    /// <summary>The documents as <see cref="IndexDocument"/> built them before the replay: every field analysed from its own text.</summary>
    private static class Reference
    {
        private static readonly FieldType MatchOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true });
        private static readonly FieldType PairsOnly = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, OmitNorms = true });

        public static LuceneDocument From(ArticleIndexItem a)
        {
            var body = HtmlText.From(a.Body);
            var document = Common(IndexDocument.From(a));
            document.Add(new TextField(SearchQueryBuilder.Title, a.Title, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Summary, a.Summary, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Body, body, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Category, a.CategoryName, Field.Store.YES));
            document.Add(new StoredField(IndexDocument.CategorySlugField, a.CategorySlug));
            AddDerived(document, a.Title, [a.Summary], [body], a.CategoryName);
            return document;
        }

        public static LuceneDocument From(DocumentIndexItem d)
        {
            var replayed = IndexDocument.From(d);
            var document = Common(replayed);
            string[] facts = [d.Number, d.DocumentType, d.IssuingBody, d.Field, d.Signer];
            document.Add(new TextField(SearchQueryBuilder.Title, d.Abstract, Field.Store.YES));
            foreach (var fact in facts)
            {
                document.Add(new TextField(SearchQueryBuilder.Summary, fact, Field.Store.NO));
            }

            document.Add(new StoredField(SearchQueryBuilder.Summary, string.Join(" · ", facts.Where(f => f.Length > 0))));
            foreach (var text in d.FileTexts)
            {
                document.Add(new TextField(SearchQueryBuilder.Body, text, Field.Store.NO));
            }

            document.Add(new StoredField(SearchQueryBuilder.Body, replayed.Get(SearchQueryBuilder.Body, CultureInfo.InvariantCulture)));
            document.Add(new TextField(SearchQueryBuilder.Category, d.DocumentType, Field.Store.YES));
            document.Add(new StoredField(IndexDocument.CategorySlugField, ""));
            document.Add(new StoredField(IndexDocument.NumberField, d.Number));
            foreach (var field in replayed.Fields.Where(f => f.Name is IndexDocument.NumberKeyField or IndexDocument.NumberPartField))
            {
                document.Add(field);
            }

            AddDerived(document, d.Abstract, facts, d.FileTexts, d.DocumentType);
            return document;
        }

        public static LuceneDocument From(PageIndexItem p)
        {
            var body = HtmlText.From(p.Body);
            var document = Common(IndexDocument.From(p));
            document.Add(new TextField(SearchQueryBuilder.Title, p.Title, Field.Store.YES));
            document.Add(new StoredField(SearchQueryBuilder.Summary, ""));
            document.Add(new TextField(SearchQueryBuilder.Body, body, Field.Store.YES));
            document.Add(new StoredField(IndexDocument.CategorySlugField, ""));
            AddDerived(document, p.Title, [], [body], "");
            return document;
        }

        public static LuceneDocument From(QuestionIndexItem q)
        {
            var answer = HtmlText.From(q.Answer);
            var document = Common(IndexDocument.From(q));
            document.Add(new TextField(SearchQueryBuilder.Title, q.Title, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Summary, q.Body, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Body, answer, Field.Store.YES));
            document.Add(new TextField(SearchQueryBuilder.Category, q.Field, Field.Store.YES));
            document.Add(new StoredField(IndexDocument.CategorySlugField, ""));
            AddDerived(document, q.Title, [q.Body], [answer], q.Field);
            return document;
        }

        /// <summary>The key, kind, id, slug and time fields, which are not analysed: the first eight fields of every entry.</summary>
        private static LuceneDocument Common(LuceneDocument replayed)
        {
            var document = new LuceneDocument();
            foreach (var field in replayed.Fields.Take(8))
            {
                document.Add(field);
            }

            Assert.Equal(IndexDocument.DateField, replayed.Fields[7].Name);
            return document;
        }

        private static void AddDerived(LuceneDocument document, string title, IEnumerable<string> summaries, IEnumerable<string> bodies, string category)
        {
            document.Add(new Field(SearchQueryBuilder.All, title, MatchOnly));
            document.Add(new Field(SearchQueryBuilder.TitlePairs, title, PairsOnly));
            foreach (var text in summaries.Concat(bodies))
            {
                document.Add(new Field(SearchQueryBuilder.All, text, MatchOnly));
                document.Add(new Field(SearchQueryBuilder.TextPairs, text, PairsOnly));
            }

            document.Add(new Field(SearchQueryBuilder.All, category, MatchOnly));
        }

        private static FieldType Frozen(FieldType type)
        {
            type.Freeze();
            return type;
        }
    }
}
