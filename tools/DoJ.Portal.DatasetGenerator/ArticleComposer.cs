using System.Globalization;
using System.Text;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Domain.Text;
using DoJ.Portal.Domain.Time;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// Composes one article after another: publish times spread over the last fifteen years in
/// ascending order (ids grow with time, as on a real portal), on Vietnamese office hours, and
/// titles and HTML bodies of three to eight paragraphs drawn from the pools of <see cref="PhrasePools"/>.
/// Call <see cref="Next"/> at most <c>count</c> times.
/// </summary>
public sealed class ArticleComposer(PhrasePools pools, Random random, IReadOnlyList<Category> categories, int count, DateTime nowUtc)
{
    private const int YearsBack = 15;

    private readonly double[] cumulativeWeights = CumulativeWeights(pools, categories);
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
        var topic = pools.Topics.TryGetValue(category.Slug, out var known) ? known : Pick(pools.NewsTopics);
        var local = localTimes[next++];
        used.Clear();
        slots = new Slots(local, Pick(pools.Places), Pick(pools.Districts), Pick(pools.Laws), random.Next(2, 60));
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
            Author = Pick(pools.Authors),
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

    private static double[] CumulativeWeights(PhrasePools pools, IReadOnlyList<Category> categories)
    {
        var weights = new double[categories.Count];
        var sum = 0.0;
        for (var i = 0; i < categories.Count; i++)
        {
            sum += pools.Topics.TryGetValue(categories[i].Slug, out var topic) ? topic.Weight : 1.0;
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
    internal static DateTime[] LocalTimes(Random random, int count, DateTime nowUtc)
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
        var lead = Fill(Pick(pools.Openings)).Replace("{event}", Fill(Pick(topic.Events)), StringComparison.Ordinal);
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
                AppendParagraph(topic, Pick(pools.Closings));
            }
            else if (random.NextDouble() < 0.12)
            {
                AppendTaskList();
            }
            else
            {
                AppendParagraph(topic, i == rareParagraph ? Pick(pools.Rare) : null);
            }
        }

        return (lead + " " + second, text.ToString());
    }

    private (string Summary, string Body) QuestionBody(string question, Topic topic)
    {
        var answer = Fill(Fresh(topic.Sentences));
        text.Clear()
            .Append("<p><strong>Hỏi:</strong> ").Append(question).Append(" (Bạn đọc ").Append(Pick(pools.Readers)).Append(", ").Append(slots.Place).Append(")</p>")
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
            var pool = random.NextDouble() < 0.7 ? topic.Sentences : pools.General;
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
        var first = random.Next(pools.Tasks.Count);
        var count = random.Next(3, 6);
        for (var i = 0; i < count; i++)
        {
            text.Append("<li>").Append(pools.Tasks[(first + i) % pools.Tasks.Count]).Append(i == count - 1 ? ".</li>" : ";</li>");
        }

        text.Append("</ul>");
    }

    private T Pick<T>(IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];

    /// <summary>A sentence this article has not used yet, as far as a few draws can find one.</summary>
    private string Fresh(IReadOnlyList<string> pool)
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
        "leader" => Pick(pools.Leaders),
        "unit" => Fill(Pick(pools.Units)),
        "venue" => Fill(Pick(pools.Venues)),
        "field" => Pick(pools.Fields),
        "topic" => Pick(pools.ResolutionTopics),
        _ => "{" + name + "}",
    };

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
}
