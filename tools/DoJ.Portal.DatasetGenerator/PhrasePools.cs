using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// The phrase pools in the style of a provincial Department of Justice's news, read from the embedded
/// <c>phrases.json</c> (UTF-8, NFC). The order of each list matters: a seed draws by position, so
/// reordering, adding or removing a phrase changes what every seed generates.
/// </summary>
public sealed class PhrasePools
{
    public const string ResourceName = "DoJ.Portal.DatasetGenerator.phrases.json";

    // A misspelt key would otherwise leave its pool empty without a word.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private IReadOnlyList<Topic>? newsTopics;

    public IReadOnlyList<string> Places { get; init; } = [];
    public IReadOnlyList<string> Districts { get; init; } = [];
    public IReadOnlyList<string> Laws { get; init; } = [];
    public IReadOnlyList<string> Leaders { get; init; } = [];
    public IReadOnlyList<string> Units { get; init; } = [];
    public IReadOnlyList<string> Venues { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> ResolutionTopics { get; init; } = [];
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Readers { get; init; } = [];
    public IReadOnlyList<string> Openings { get; init; } = [];
    public IReadOnlyList<string> General { get; init; } = [];
    public IReadOnlyList<string> Closings { get; init; } = [];
    public IReadOnlyList<string> Tasks { get; init; } = [];

    /// <summary>Sentences about floods, for a rare word in about 0.3 % of the articles.</summary>
    public IReadOnlyList<string> Rare { get; init; } = [];

    /// <summary>Titles of generated photo albums (<c>{event}</c>: an event of a news topic).</summary>
    public IReadOnlyList<string> AlbumTitles { get; init; } = [];

    /// <summary>Descriptions of generated photo albums.</summary>
    public IReadOnlyList<string> AlbumDescriptions { get; init; } = [];

    /// <summary>Captions of the photos of generated albums (alt texts are the shared photos' own).</summary>
    public IReadOnlyList<string> AlbumCaptions { get; init; } = [];

    /// <summary>Each category's own pools, by category slug, in the file's order.</summary>
    public IReadOnlyDictionary<string, Topic> Topics { get; init; } = new Dictionary<string, Topic>(StringComparer.Ordinal);

    /// <summary>For categories the pools do not know (a database with its own sections): any news topic.</summary>
    [JsonIgnore]
    public IReadOnlyList<Topic> NewsTopics => newsTopics ??= Topics.Values.Where(t => !t.IsQuestion).ToArray();

    /// <summary>Reads and checks the embedded file; throws <see cref="InvalidDataException"/> naming the faulty pool.</summary>
    public static PhrasePools Load()
    {
        using var stream = typeof(PhrasePools).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        var pools = JsonSerializer.Deserialize<PhrasePools>(stream, Json)
            ?? throw new InvalidDataException($"{ResourceName} is empty.");
        pools.Check();
        return pools;
    }

    /// <summary>Every list by its name in the file (<c>topics.hoi-dap-phap-luat.titles</c>…); a question topic has no events.</summary>
    public IEnumerable<(string Name, IReadOnlyList<string> Phrases)> Lists()
    {
        yield return ("places", Places);
        yield return ("districts", Districts);
        yield return ("laws", Laws);
        yield return ("leaders", Leaders);
        yield return ("units", Units);
        yield return ("venues", Venues);
        yield return ("fields", Fields);
        yield return ("resolutionTopics", ResolutionTopics);
        yield return ("authors", Authors);
        yield return ("readers", Readers);
        yield return ("openings", Openings);
        yield return ("general", General);
        yield return ("closings", Closings);
        yield return ("tasks", Tasks);
        yield return ("rare", Rare);
        yield return ("albumTitles", AlbumTitles);
        yield return ("albumDescriptions", AlbumDescriptions);
        yield return ("albumCaptions", AlbumCaptions);
        foreach (var (slug, topic) in Topics)
        {
            yield return ($"topics.{slug}.titles", topic.Titles);
            if (!topic.IsQuestion)
            {
                yield return ($"topics.{slug}.events", topic.Events);
            }

            yield return ($"topics.{slug}.sentences", topic.Sentences);
        }
    }

    private void Check()
    {
        if (NewsTopics.Count == 0)
        {
            throw new InvalidDataException($"{ResourceName}: no news topic (a topic without \"isQuestion\": true).");
        }

        foreach (var (name, phrases) in Lists())
        {
            if (phrases.Count == 0)
            {
                throw new InvalidDataException($"{ResourceName}: {name} is empty.");
            }

            // The editor saves titles, summaries and bylines in NFC: generated articles must look like saved ones.
            if (phrases.FirstOrDefault(p => string.IsNullOrWhiteSpace(p) || !p.IsNormalized(NormalizationForm.FormC)) is { } bad)
            {
                throw new InvalidDataException($"{ResourceName}: {name} holds a blank or non-NFC phrase: \"{bad}\".");
            }
        }
    }
}

/// <summary>The pools of one category.</summary>
public sealed class Topic
{
    /// <summary>How often the category publishes, relative to the others.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Hỏi đáp: the title is a reader's question and the body its answer (no events).</summary>
    public bool IsQuestion { get; init; }

    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <summary>What the opening sentence says was held (<c>{event}</c>).</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    public IReadOnlyList<string> Sentences { get; init; } = [];
}
