using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Startup;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace DoJ.Portal.Web.Counting;

/// <summary>
/// The visitors every instance has seen, in Redis: one sorted set of visitor hashes scored by their last
/// page view (Unix milliseconds). A flush registers its visitors with one script per chunk, which Redis
/// runs atomically, so of two instances meeting the same new visitor exactly one counts the visit.
/// "Truy cập hiện tại" is a <c>ZCOUNT</c> of the set: exact, not an estimate.
/// </summary>
public sealed class SharedVisitors(IConnectionMultiplexer redis, IOptions<PortalRedisOptions> options)
{
    /// <summary>Visitors per script call: each call holds Redis for well under a millisecond.</summary>
    public const int ChunkSize = 1_000;

    /// <summary>
    /// ARGV: gap (ms), prune-before (ms), n, then n triples (hash, first view ms, last view ms) of visits this
    /// instance thinks are new, then pairs (hash, last view ms) of the other visitors it saw. Returns the
    /// hashes of the n that another instance already counted: a first view within the gap of the last view
    /// recorded here. <c>ZADD GT</c> adds new members and only ever moves a score forward.
    /// </summary>
    private const string Register = """
        local gap = tonumber(ARGV[1])
        local n = tonumber(ARGV[3])
        local repeated = {}
        local i = 4
        for _ = 1, n do
          local hash, first = ARGV[i], tonumber(ARGV[i + 1])
          local previous = redis.call('ZSCORE', KEYS[1], hash)
          if previous and math.abs(first - tonumber(previous)) < gap then
            repeated[#repeated + 1] = hash
          end
          redis.call('ZADD', KEYS[1], 'GT', ARGV[i + 2], hash)
          i = i + 3
        end
        while i < #ARGV do
          redis.call('ZADD', KEYS[1], 'GT', ARGV[i + 1], ARGV[i])
          i = i + 2
        end
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[2])
        return repeated
        """;

    private readonly RedisKey key = options.Value.InstanceName + "counting:visitors";

    /// <summary>False while the connection is down: callers use the database instead, without waiting.</summary>
    public bool IsConnected => redis.IsConnected;

    /// <summary>
    /// Records the visitors of one flush; returns those among <paramref name="newVisits"/> (first view, UTC
    /// ticks) whose visit another instance has already counted. <paramref name="seen"/> holds last views.
    /// </summary>
    public async Task<HashSet<string>> RegisterAsync(
        IReadOnlyDictionary<string, long> newVisits, IReadOnlyDictionary<string, long> seen, TimeSpan gap, DateTime pruneBeforeUtc)
    {
        ArgumentNullException.ThrowIfNull(newVisits);
        ArgumentNullException.ThrowIfNull(seen);
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        var database = redis.GetDatabase();
        var candidates = newVisits.Keys.ToList();
        var others = seen.Keys.Where(h => !newVisits.ContainsKey(h)).ToList();
        var chunks = Math.Max(1, (Math.Max(candidates.Count, others.Count) + ChunkSize - 1) / ChunkSize);
        for (var c = 0; c < chunks; c++)
        {
            var mine = candidates.Skip(c * ChunkSize).Take(ChunkSize).ToList();
            var args = new List<RedisValue> { (long)gap.TotalMilliseconds, ToMilliseconds(pruneBeforeUtc.Ticks), mine.Count };
            foreach (var hash in mine)
            {
                var first = newVisits[hash];
                args.Add(hash);
                args.Add(ToMilliseconds(first));
                args.Add(ToMilliseconds(Math.Max(first, seen.GetValueOrDefault(hash))));
            }

            foreach (var hash in others.Skip(c * ChunkSize).Take(ChunkSize))
            {
                args.Add(hash);
                args.Add(ToMilliseconds(seen[hash]));
            }

            var result = await database.ScriptEvaluateAsync(Register, [key], [.. args]);
            foreach (var hash in (string[])result!)
            {
                repeated.Add(hash);
            }
        }

        return repeated;
    }

    /// <summary>Distinct visitors with a page view after <paramref name="sinceUtc"/>, on any instance.</summary>
    public async Task<int> CountSinceAsync(DateTime sinceUtc) =>
        (int)await redis.GetDatabase().SortedSetLengthAsync(key, ToMilliseconds(sinceUtc.Ticks), double.PositiveInfinity, Exclude.Start);

    private static long ToMilliseconds(long utcTicks) => (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
}
