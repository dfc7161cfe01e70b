
using DoJ.Portal.Web.Caching;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DoJ.Portal.UnitTests.Caching;

public sealed class SharedPageStoreTests
{
    /// <summary>A store in memory that can be switched off, as Redis can go away.</summary>
    private sealed class FlakyStore : IOutputCacheStore
    {
        public Dictionary<string, (byte[] Value, string[] Tags)> Entries { get; } = [];

        public bool Down { get; set; }

        public int Calls { get; private set; }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
        {
            Touch();
            return ValueTask.FromResult(Entries.TryGetValue(key, out var entry) ? entry.Value : null);
        }

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
        {
            Touch();
            Entries[key] = (value, tags ?? []);
            return ValueTask.CompletedTask;
        }

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Touch();
            foreach (var key in Entries.Where(e => e.Value.Tags.Contains(tag)).Select(e => e.Key).ToList())
            {
                Entries.Remove(key);
            }

            return ValueTask.CompletedTask;
        }

        private void Touch()
        {
            Calls++;
            if (Down)
            {
                throw new InvalidOperationException("connection refused");
            }
        }
    }

    private readonly FlakyStore redis = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

    private SharedPageStore Store() => new(redis, clock, NullLogger<SharedPageStore>.Instance);

    [Fact]
    public async Task While_redis_is_down_pages_are_rendered_and_nobody_waits_on_it()
    {
        var store = Store();
        await store.SetAsync("home", [1], ["home"], TimeSpan.FromMinutes(5), default);
        redis.Down = true;

        Assert.Null(await store.GetAsync("home", default));
        var calls = redis.Calls;
        Assert.Null(await store.GetAsync("home", default));
        await store.SetAsync("other", [2], ["site"], TimeSpan.FromMinutes(5), default);
        Assert.Equal(calls, redis.Calls);
        Assert.True(store.IsPaused);
    }

    [Fact]
    public async Task An_edit_made_while_redis_was_down_evicts_its_pages_before_anything_is_served_again()
    {
        var store = Store();
        await store.SetAsync("article-7", [1], ["a:7"], TimeSpan.FromMinutes(5), default);
        await store.SetAsync("contact", [2], ["site"], TimeSpan.FromMinutes(5), default);
        redis.Down = true;

        await store.EvictByTagAsync("a:7", default);
        redis.Down = false;
        clock.Advance(SharedPageStore.PauseAfterFailure + TimeSpan.FromSeconds(1));

        Assert.Null(await store.GetAsync("article-7", default));
        Assert.Null(await store.GetAsync("contact", default));
        await store.SetAsync("home", [3], ["home"], TimeSpan.FromMinutes(5), default);

        Assert.False(redis.Entries.ContainsKey("article-7"));
        Assert.Equal([2], await store.GetAsync("contact", default));
        Assert.Equal([3], await store.GetAsync("home", default));
    }
}
