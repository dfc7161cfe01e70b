using System.Globalization;
using System.Text;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Gallery;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>A library image generated albums share, with what it shows (its alt text in every album).</summary>
public sealed record SharedPhoto(int MediaId, string AltText);

/// <summary>
/// Composes photo albums one after another, all public: the days of the events spread over the last fifteen years as
/// the articles' are (<see cref="ArticleComposer.LocalTimes"/>, ids growing with time), published on the day of the event,
/// titles and descriptions from the album pools around an event of the news topics, and
/// <see cref="MinPhotos"/>–<see cref="MaxPhotos"/> distinct photos drawn from the shared ones, each with a caption from
/// the pools and the photo's own alt text (it describes that image, whatever the album). The cover is left to the first
/// photo, as when an editor picks none. Its own <see cref="Random"/>: articles and documents of a seed stay the same
/// with or without albums. Call <see cref="Next"/> at most <c>count</c> times.
/// </summary>
public sealed class AlbumComposer(PhrasePools pools, Random random, IReadOnlyList<SharedPhoto> photos, int count, DateTime nowUtc)
{
    public const int MinPhotos = 4;
    public const int MaxPhotos = 10;

    private readonly DateTime[] localTimes = ArticleComposer.LocalTimes(random, count, nowUtc);
    private readonly IReadOnlyList<string> events = pools.NewsTopics.SelectMany(t => t.Events).ToArray();
    private readonly int[] order = Enumerable.Range(0, photos.Count).ToArray();
    private int next;

    public Album Next()
    {
        var local = localTimes[next++];
        // Published the day the photos were taken, at the drawn time (before today, so never in the future).
        var published = VietnamTime.ToUtc(local);
        var slots = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["year"] = local.Year.ToString(CultureInfo.InvariantCulture),
            ["m"] = local.Month.ToString(CultureInfo.InvariantCulture),
            ["d"] = local.Day.ToString(CultureInfo.InvariantCulture),
            ["place"] = Pick(pools.Places),
            ["district"] = Pick(pools.Districts),
            ["law"] = Pick(pools.Laws),
        };
        slots["event"] = Fill(Pick(events), slots);
        slots["venue"] = Fill(Pick(pools.Venues), slots);
        var title = Fill(Pick(pools.AlbumTitles), slots);
        var album = new Album
        {
            Title = title.Length <= Album.TitleMaxLength ? title : title[..Album.TitleMaxLength],
            Slug = Slug.From(title, Album.SlugMaxLength),
            Description = Fill(Pick(pools.AlbumDescriptions), slots),
            TakenOn = DateOnly.FromDateTime(local),
            Status = ArticleStatus.Published,
            PublishedAtUtc = published,
            CreatedAtUtc = published.AddMinutes(-random.Next(10, 600)),
            UpdatedAtUtc = published,
            ConcurrencyStamp = GuidFrom(random),
        };

        // A partial shuffle: the first n of the shared photos in a random order, none twice.
        var n = Math.Min(photos.Count, random.Next(MinPhotos, MaxPhotos + 1));
        for (var i = 0; i < n; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
            var photo = photos[order[i]];
            album.Photos.Add(new AlbumPhoto
            {
                MediaId = photo.MediaId,
                Position = i + 1,
                Caption = Fill(Pick(pools.AlbumCaptions), slots),
                AltText = photo.AltText,
            });
        }

        return album;
    }

    private T Pick<T>(IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];

    private static Guid GuidFrom(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Replaces the <c>{slot}</c> markers this album knows, and <c>{leader}</c> by any leader; a sentence starts upper-case.</summary>
    private string Fill(string template, Dictionary<string, string> slots)
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

            var name = template[(open + 1)..close];
            var value = name == "leader" ? Pick(pools.Leaders) : slots.TryGetValue(name, out var known) ? known : "{" + name + "}";
            result.Append(template, i, open - i).Append(open == 0 ? Capitalize(value) : value);
            i = close + 1;
        }

        return result.ToString();
    }

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] : text;
}
