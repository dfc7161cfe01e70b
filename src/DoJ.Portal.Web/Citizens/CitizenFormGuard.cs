using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Citizens;

/// <summary>Why a citizen's form was refused; <see cref="Message"/> is shown above the form, which keeps what was typed.</summary>
public sealed record FormRefusal(string Reason, string Message);

/// <summary>
/// The spam defences every citizen form shares, with no third-party service: a honeypot field people never see
/// (<see cref="HoneypotField"/>), a signed time token (<see cref="TokenField"/>: sent too fast or too old is
/// refused), a per-client limit on sends and a limit on links. A refused send stores nothing. The client is
/// known by a keyed hash of its address, with a key made at start and kept only in memory, so no address is kept
/// anywhere; each instance counts on its own (behind a load balancer a client may send up to the limit per instance).
/// </summary>
public sealed partial class CitizenFormGuard(IDataProtectionProvider protection, TimeProvider clock, IOptions<CitizenFormOptions> options)
{
    public const string HoneypotField = "trang-web-ca-nhan";
    public const string TokenField = "ma-bieu-mau";

    /// <summary>Clients remembered at most; beyond it the oldest are forgotten first.</summary>
    public const int MaxClients = 50_000;

    private const string Purpose = "DoJ.Portal.CitizenForm.v1";

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
    private readonly byte[] clientKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, ClientSends> sends = new(StringComparer.Ordinal);

    /// <summary>A token for a form served now to be sent as <see cref="TokenField"/>.</summary>
    public string IssueToken(string form)
    {
        var issued = clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        return protector.Protect(form + "|" + issued, TimeSpan.FromMinutes(Math.Max(1, options.Value.MaxFormAgeMinutes)));
    }

    /// <summary>
    /// Checks a send of <paramref name="form"/>: the honeypot, the token, the client's rate and the links in
    /// <paramref name="texts"/>. Every send is counted toward the client's rate, refused ones included; a send that passes
    /// here but whose fields the form then finds wrong is taken back with <see cref="Forgive"/>, so a citizen's typos
    /// never lock them out. Null when the send may be stored.
    /// </summary>
    public FormRefusal? Check(HttpContext http, string form, string? honeypot, string? token, params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(http);
        var settings = options.Value;
        if (!TryCount(http, form, out var retryAfter))
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
            return new FormRefusal("rate", $"Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau {minutes} phút.");
        }

        if (!string.IsNullOrEmpty(honeypot))
        {
            return new FormRefusal("honeypot", "Không thể gửi: biểu mẫu có dấu hiệu được điền tự động. Nếu bạn điền bằng tay, vui lòng tải lại trang và gửi lại.");
        }

        if (!TryReadToken(token, form, out var issuedUtc))
        {
            return new FormRefusal("expired", "Biểu mẫu đã hết hạn hoặc không hợp lệ. Nội dung bạn nhập vẫn được giữ: vui lòng kiểm tra và bấm gửi lại.");
        }

        if (clock.GetUtcNow().UtcDateTime - issuedUtc < TimeSpan.FromSeconds(settings.MinSecondsToFill))
        {
            return new FormRefusal("too-fast", "Biểu mẫu được gửi quá nhanh sau khi mở. Vui lòng kiểm tra lại nội dung rồi bấm gửi lại.");
        }

        var links = texts.Sum(CountLinks);
        if (links > settings.MaxLinks)
        {
            return new FormRefusal("links", $"Nội dung có quá nhiều đường liên kết ({links}); mỗi lần gửi được tối đa {settings.MaxLinks}.");
        }

        return null;
    }

    /// <summary>
    /// Takes back the send of <paramref name="form"/> that <see cref="Check"/> just counted for this client: its fields
    /// were wrong and it was shown again to be corrected, nothing stored. Only a send that passed the defences is
    /// forgiven (the form calls this after <see cref="Check"/> returned null), so spam still counts.
    /// </summary>
    public void Forgive(HttpContext http, string form)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (sends.TryGetValue(form + ":" + ClientKey(http.Connection.RemoteIpAddress), out var client))
        {
            client.RemoveLatest();
        }
    }

    /// <summary>Web addresses in a text: <c>http://</c>, <c>https://</c> and <c>www.</c> forms.</summary>
    public static int CountLinks(string? text) => string.IsNullOrEmpty(text) ? 0 : LinkPattern().Count(text);

    private bool TryReadToken(string? token, string form, out DateTime issuedUtc)
    {
        issuedUtc = default;
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            // The protector's own expiry runs on the system clock; the age is also checked on the portal's clock.
            var text = protector.Unprotect(token, out _);
            var separator = text.LastIndexOf('|');
            if (separator < 0 || !string.Equals(text[..separator], form, StringComparison.Ordinal)
                || !long.TryParse(text[(separator + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            issuedUtc = new DateTime(ticks, DateTimeKind.Utc);
            var age = clock.GetUtcNow().UtcDateTime - issuedUtc;
            return age <= TimeSpan.FromMinutes(Math.Max(1, options.Value.MaxFormAgeMinutes)) && age >= -TimeSpan.FromMinutes(5);
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool TryCount(HttpContext http, string form, out TimeSpan retryAfter)
    {
        var settings = options.Value;
        var window = TimeSpan.FromMinutes(Math.Max(1, settings.WindowMinutes));
        var now = clock.GetUtcNow().UtcDateTime;
        var key = form + ":" + ClientKey(http.Connection.RemoteIpAddress);
        if (sends.Count >= MaxClients)
        {
            Prune(now - window);
        }

        var client = sends.GetOrAdd(key, _ => new ClientSends());
        return client.TryAdd(now, window, Math.Max(1, settings.MaxPerClient), out retryAfter);
    }

    private void Prune(DateTime olderThanUtc)
    {
        foreach (var (key, client) in sends)
        {
            if (client.LastUtc < olderThanUtc)
            {
                sends.TryRemove(key, out _);
            }
        }

        // Still full (a flood of distinct clients): forget everyone rather than grow without bound.
        if (sends.Count >= MaxClients)
        {
            sends.Clear();
        }
    }

    private string ClientKey(IPAddress? address)
    {
        var bytes = Encoding.UTF8.GetBytes((address ?? IPAddress.None).ToString());
        return Convert.ToHexString(HMACSHA256.HashData(clientKey, bytes), 0, 16);
    }

    [GeneratedRegex(@"https?://|\bwww\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();

    /// <summary>One client's sends of one form within the window.</summary>
    private sealed class ClientSends
    {
        private readonly LinkedList<DateTime> times = new();

        public DateTime LastUtc { get; private set; }

        public bool TryAdd(DateTime nowUtc, TimeSpan window, int max, out TimeSpan retryAfter)
        {
            lock (times)
            {
                LastUtc = nowUtc;
                while (times.First is { } oldest && oldest.Value <= nowUtc - window)
                {
                    times.RemoveFirst();
                }

                if (times.Count >= max)
                {
                    retryAfter = times.First!.Value + window - nowUtc;
                    return false;
                }

                times.AddLast(nowUtc);
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }

        public void RemoveLatest()
        {
            lock (times)
            {
                if (times.Count > 0)
                {
                    times.RemoveLast();
                }
            }
        }
    }
}
