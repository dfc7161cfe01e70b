using System.Text;
using System.Text.Json;
using DoJ.Portal.DatasetGenerator;
using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.UnitTests.Dataset;

/// <summary>The dataset generator's embedded phrases.json, edited by hand outside C#.</summary>
public sealed class PhrasePoolsTests
{
    [Fact]
    public void The_embedded_phrase_file_loads_and_every_pool_is_non_empty_and_NFC()
    {
        var pools = PhrasePools.Load();

        Assert.Equal(10, pools.Topics.Count);
        Assert.Single(pools.Topics.Values, t => t.IsQuestion);
        foreach (var (name, phrases) in pools.Lists())
        {
            Assert.True(phrases.Count > 0, $"{name} is empty");
            Assert.All(phrases, p => Assert.True(!string.IsNullOrWhiteSpace(p) && p.IsNormalized(NormalizationForm.FormC), $"{name}: \"{p}\""));
        }
    }

    [Fact]
    public void Every_list_in_the_file_is_one_the_generator_reads()
    {
        using var stream = typeof(PhrasePools).Assembly.GetManifestResourceStream(PhrasePools.ResourceName)!;
        using var json = JsonDocument.Parse(stream);
        var read = PhrasePools.Load().Lists().Select(l => l.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(read.Order(StringComparer.Ordinal), Arrays(json.RootElement, "").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Composed_articles_leave_no_slot_unfilled()
    {
        var pools = PhrasePools.Load();
        // The pools' own categories and one they do not know, which borrows any news topic.
        var categories = pools.Topics.Keys.Append("chuyen-muc-khac").Select((slug, i) => new Category { Id = i + 1, Slug = slug, Name = slug }).ToList();
        var composer = new ArticleComposer(pools, new Random(1), categories, 2_000, new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));

        for (var number = 1; number <= 2_000; number++)
        {
            var article = composer.Next(number);
            Assert.DoesNotContain('{', article.Title + article.Summary + article.Body);
            Assert.DoesNotContain('}', article.Title + article.Summary + article.Body);
        }
    }

    [Fact]
    public void Composed_albums_are_public_leave_no_slot_unfilled_and_draw_distinct_shared_photos()
    {
        var pools = PhrasePools.Load();
        var photos = Enumerable.Range(1, 10).Select(i => new SharedPhoto(i, $"Ảnh số {i}")).ToList();
        var now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        var composer = new AlbumComposer(pools, new Random(1), photos, 500, now);

        for (var i = 0; i < 500; i++)
        {
            var album = composer.Next();
            var text = album.Title + album.Description + string.Concat(album.Photos.Select(p => p.Caption));
            Assert.DoesNotContain('{', text);
            Assert.DoesNotContain('}', text);
            Assert.True(char.IsUpper(album.Title[0]), album.Title);
            Assert.True(album.IsPublic(now), album.Title);
            Assert.InRange(album.Photos.Count, AlbumComposer.MinPhotos, AlbumComposer.MaxPhotos);
            Assert.Equal(album.Photos.Count, album.Photos.Select(p => p.MediaId).Distinct().Count());
            Assert.All(album.Photos, p => Assert.Equal($"Ảnh số {p.MediaId}", p.AltText));
        }
    }

    [Theory]
    [InlineData(new[] { "--articles", "400" }, 400, 400)]
    [InlineData(new[] { "--articles", "400", "--documents", "50" }, 50, 50)]
    [InlineData(new[] { "--articles", "400", "--albums=0" }, 400, 0)]
    [InlineData(new[] { "--albums", "70", "--documents", "0" }, 0, 70)]
    public void Albums_default_to_as_many_as_documents(string[] args, int documents, int albums)
    {
        var options = GenerateOptions.Parse(args);

        Assert.NotNull(options);
        Assert.Equal((documents, albums), (options.DocumentCount, options.AlbumCount));
    }

    [Theory]
    [InlineData(new[] { "--articles", "400" }, 400, GenerateOptions.DefaultSeed, false, 0)]
    [InlineData(new[] { "--articles=400", "--seed", "7", "--append" }, 400, 7, true, 0)]
    [InlineData(new[] { "--Storage:DataPath=/srv/data", "--append", "--Database:Provider", "Sqlite" }, GenerateOptions.DefaultArticles, GenerateOptions.DefaultSeed, true, 3)]
    public void The_generator_reads_its_options_and_passes_settings_to_the_configuration(string[] args, int articles, int seed, bool append, int settings)
    {
        var options = GenerateOptions.Parse(args);

        Assert.NotNull(options);
        Assert.Equal((articles, seed, append, settings), (options.Articles, options.Seed, options.Append, options.Settings.Count));
    }

    [Theory]
    [InlineData("--article", "400")]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "-5")]
    [InlineData("--articles", "nhiều")]
    [InlineData("--DataPath=/srv/data")]
    [InlineData("--Storage:DataPath")]
    [InlineData("--albums", "-1")]
    [InlineData("--albums")]
    public void The_generator_refuses_an_unknown_option_or_a_bad_number(params string[] args) =>
        Assert.Null(GenerateOptions.Parse(args));

    /// <summary>The paths of every array in <paramref name="element"/>, named as <see cref="PhrasePools.Lists"/> names them.</summary>
    private static IEnumerable<string> Arrays(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Array => [path],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Arrays(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}")),
        _ => [],
    };
}
