using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace DoJ.Portal.Web.Counting;

/// <summary>
/// Recognises crawlers, bots and tools by their user agent, from the maintained list of the
/// <c>crawler-user-agents</c> project (MIT, kept as data in Resources/). Empty user agents count as bots.
/// </summary>
public sealed class BotDetector
{
    private const string ResourceName = "DoJ.Portal.Web.Resources.crawler-user-agents.txt";
    private const int CacheLimit = 10_000;

    /// <summary>
    /// The backtracking engine, bounded by <see cref="MatchTimeout"/>. The non-backtracking engine was tried first: with
    /// hundreds of case-insensitive alternatives its construction allocated over 10 GB for a few seconds in every host
    /// (the test hosts were killed for memory), while these simple patterns never backtrack far.
    /// </summary>
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>A user agent (at most 1,000 characters) that takes longer than this to match is taken for a bot.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly List<(Regex Regex, int Count)> patterns = [];
    private readonly ConcurrentDictionary<string, bool> verdicts = new(StringComparer.Ordinal);

    public BotDetector()
    {
        using var stream = typeof(BotDetector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        Build(lines, patterns);
        PatternCount = patterns.Sum(p => p.Count);
    }

    public int PatternCount { get; }

    public bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent) || userAgent.Length > 1000)
        {
            return true;
        }

        if (verdicts.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        bool verdict;
        try
        {
            verdict = patterns.Exists(p => p.Regex.IsMatch(userAgent));
        }
        catch (RegexMatchTimeoutException)
        {
            verdict = true;
        }

        if (verdicts.Count >= CacheLimit)
        {
            verdicts.Clear();
        }

        verdicts[userAgent] = verdict;
        return verdict;
    }

    /// <summary>
    /// One regex for the whole list where the engine takes it; a group it refuses is split in two, and a pattern it
    /// cannot parse is dropped.
    /// </summary>
    private static void Build(List<string> group, List<(Regex, int)> into)
    {
        if (group.Count == 0)
        {
            return;
        }

        try
        {
            into.Add((new Regex(string.Join('|', group.Select(p => "(?:" + p + ")")), Options, MatchTimeout), group.Count));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            if (group.Count == 1)
            {
                return;
            }

            var half = group.Count / 2;
            Build(group[..half], into);
            Build(group[half..], into);
        }
    }
}
