using DoJ.Portal.Domain.Navigation;

namespace DoJ.Portal.Web.Navigation;

/// <summary>A row of the redirect table as the rules see it; <paramref name="Source"/> names a row of an import file ("dòng 7").</summary>
public sealed record RedirectRule(int Id, string FromPath, string ToUrl, string? Source = null);

/// <summary>The outcome of checking one old → new pair: the values to store, or why not (and which field).</summary>
public sealed record RedirectCheck(string FromPath, string ToUrl, string? Error, string? Field)
{
    public const string FromField = "FromPath";
    public const string ToField = "ToUrl";

    public bool IsValid => Error is null;
}

/// <summary>
/// The one place that decides whether an old address may redirect to a new one, for the form and the CSV
/// import alike: well-formed values, no shadowing of live portal paths, no duplicates, no loops, no chains.
/// It mirrors how <see cref="LegacyRedirectMiddleware"/> looks addresses up (exact path and query, then the
/// path alone with the query carried over), so "no chain" means the middleware never answers a redirect's
/// target with another redirect. Rows accepted from a file are <see cref="Add">added</see> as they are
/// checked, so rows of one file are checked against each other too.
/// </summary>
public sealed class RedirectRules
{
    /// <summary>Paths a redirect must never shadow: the middleware runs before them.</summary>
    public static readonly IReadOnlyList<string> ReservedPaths =
    [
        AdminUrls.Home, SiteUrls.Account, SiteUrls.Health, SiteUrls.Errors, SiteUrls.LinkOut,
        "/css", "/js", "/lib", "/img", "/media", "/favicon.ico", "/robots.txt", SiteUrls.Sitemap,
    ];

    /// <summary>Longer than any real address; stops absurd input before it is parsed.</summary>
    public const int InputMaxLength = 2000;

    private readonly Dictionary<string, RedirectRule> byFrom = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RedirectRule>> byTarget = new(StringComparer.Ordinal);
    private readonly string? ownHost;

    /// <param name="existing">The stored table.</param>
    /// <param name="siteBaseUrl">The portal's own address: an absolute target on this host is checked like a site path.</param>
    public RedirectRules(IEnumerable<RedirectRule> existing, string? siteBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ownHost = Uri.TryCreate(siteBaseUrl, UriKind.Absolute, out var site) ? site.Host : null;
        foreach (var rule in existing)
        {
            Add(rule);
        }
    }

    /// <summary>Checks <paramref name="from"/> → <paramref name="to"/> as typed; <paramref name="editingId"/> is the row being changed, which does not count against itself.</summary>
    public RedirectCheck Check(string? from, string? to, int? editingId = null)
    {
        var (fromPath, fromError) = NormalizeFrom(from);
        if (fromError is not null)
        {
            return new RedirectCheck(fromPath, to ?? "", fromError, RedirectCheck.FromField);
        }

        var (toUrl, toError) = NormalizeTo(to);
        if (toError is not null)
        {
            return new RedirectCheck(fromPath, toUrl, toError, RedirectCheck.ToField);
        }

        if (byFrom.TryGetValue(fromPath, out var same) && Counts(same, editingId))
        {
            return Refuse($"Địa chỉ cũ “{fromPath}” đã có chuyển hướng {Describe(same)}.", RedirectCheck.FromField);
        }

        var targetKeys = TargetKeys(toUrl);
        if (targetKeys.Contains(fromPath))
        {
            return Refuse("Địa chỉ mới dẫn về chính địa chỉ cũ: chuyển hướng sẽ lặp vô tận.", RedirectCheck.ToField);
        }

        foreach (var key in targetKeys)
        {
            if (byFrom.TryGetValue(key, out var next) && Counts(next, editingId))
            {
                return TargetKeys(next.ToUrl).Contains(fromPath)
                    ? Refuse($"Tạo vòng lặp với chuyển hướng {Describe(next)}.", RedirectCheck.ToField)
                    : Refuse($"Địa chỉ mới lại là địa chỉ cũ của chuyển hướng {Describe(next)}; chuyển hướng nối tiếp không được chấp nhận. Hãy trỏ thẳng đến “{next.ToUrl}”.", RedirectCheck.ToField);
            }
        }

        if (byTarget.TryGetValue(fromPath, out var into) && into.FirstOrDefault(r => Counts(r, editingId)) is { } previous)
        {
            return Refuse($"Địa chỉ cũ này đang là địa chỉ mới của chuyển hướng {Describe(previous)}; chuyển hướng nối tiếp không được chấp nhận. Hãy sửa chuyển hướng đó để trỏ thẳng đến địa chỉ mới.", RedirectCheck.FromField);
        }

        return new RedirectCheck(fromPath, toUrl, null, null);

        RedirectCheck Refuse(string error, string field) => new(fromPath, toUrl, error, field);
    }

    /// <summary>Adds a row (stored, or accepted from a file) so later checks see it.</summary>
    public void Add(RedirectRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        byFrom[rule.FromPath] = rule;
        foreach (var key in TargetKeys(rule.ToUrl))
        {
            if (!byTarget.TryGetValue(key, out var list))
            {
                byTarget[key] = list = [];
            }

            list.Add(rule);
        }
    }

    /// <summary>The normalized old address, or why it cannot be one.</summary>
    public static (string FromPath, string? Error) NormalizeFrom(string? input)
    {
        var (text, error) = Trimmed(input, "cũ", Redirect.FromMaxLength);
        if (error is not null)
        {
            return ("", error);
        }

        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            // Browsers never send the fragment, so it can play no part in the match.
            text = text[..hash];
        }

        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            // A full address of the old portal, pasted from a browser: its path and query are what matters.
            var problem = WebAddress.CheckAbsolute(text);
            if (problem != WebAddressProblem.None)
            {
                return ("", "Địa chỉ cũ: " + problem.ToVietnamese());
            }

            text = new Uri(text, UriKind.Absolute).PathAndQuery;
        }
        else if (WebAddress.CheckSiteRelative(text) is var relative and not WebAddressProblem.None)
        {
            return ("", relative == WebAddressProblem.NotSiteRelative
                ? "Địa chỉ cũ phải là đường dẫn và tham số của cổng cũ, bắt đầu bằng một dấu / (ví dụ /?cn=28&gd=12&tc=5247)."
                : "Địa chỉ cũ: " + relative.ToVietnamese());
        }

        var normalized = Redirect.Normalize(text);
        if (text.Length > Redirect.FromMaxLength || normalized.Length > Redirect.FromMaxLength)
        {
            return (normalized, $"Địa chỉ cũ dài quá {Redirect.FromMaxLength} ký tự.");
        }

        if (normalized.Any(char.IsControl))
        {
            return (normalized, "Địa chỉ cũ chứa ký tự điều khiển (ví dụ %00 hoặc %0A).");
        }

        if (normalized == "/")
        {
            return (normalized, "Không thể chuyển hướng trang chủ “/”. Địa chỉ cũ phải có tham số (ví dụ /?cn=28) hoặc một đường dẫn khác.");
        }

        var path = PathOf(normalized);
        // The sitemap's files (/sitemap-tin-tuc-3.xml…) are reserved with the index that lists them.
        if ((ReservedPaths.FirstOrDefault(r => path == r || path.StartsWith(r + "/", StringComparison.Ordinal))
                ?? (path.StartsWith("/sitemap-", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal) ? SiteUrls.Sitemap : null)) is { } reserved)
        {
            return (normalized, $"Địa chỉ cũ “{normalized}” thuộc phần “{reserved}” đang hoạt động của cổng thông tin, không thể chuyển hướng.");
        }

        return (normalized, null);
    }

    /// <summary>The new address as it will be stored (ASCII, ready for a <c>Location</c> header), or why it cannot be one.</summary>
    public static (string ToUrl, string? Error) NormalizeTo(string? input)
    {
        var (text, error) = Trimmed(input, "mới", Redirect.ToMaxLength);
        if (error is not null)
        {
            return ("", error);
        }

        var problem = text.StartsWith('/') ? WebAddress.CheckSiteRelative(text) : WebAddress.CheckAbsolute(text);
        if (problem != WebAddressProblem.None)
        {
            return (text, problem is WebAddressProblem.NotHttp or WebAddressProblem.NotSiteRelative
                ? "Địa chỉ mới phải là đường dẫn trong trang bắt đầu bằng một dấu / (ví dụ /tin-tuc/12/ten-bai) hoặc địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://."
                : "Địa chỉ mới: " + problem.ToVietnamese());
        }

        var ascii = WebAddress.ToAscii(text);
        return ascii.Length > Redirect.ToMaxLength
            ? (ascii, $"Địa chỉ mới dài quá {Redirect.ToMaxLength} ký tự.")
            : (ascii, null);
    }

    /// <summary>
    /// The lookup keys a browser following <paramref name="toUrl"/> would hit in the middleware: the exact path
    /// and query, and, when there is a query, the path alone. None for another site.
    /// </summary>
    private HashSet<string> TargetKeys(string toUrl)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var local = toUrl;
        if (!toUrl.StartsWith('/'))
        {
            if (ownHost is null || !Uri.TryCreate(toUrl, UriKind.Absolute, out var uri) || !string.Equals(uri.Host, ownHost, StringComparison.OrdinalIgnoreCase))
            {
                return keys;
            }

            local = uri.PathAndQuery;
        }

        var hash = local.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            local = local[..hash];
        }

        var q = local.IndexOf('?', StringComparison.Ordinal);
        keys.Add(Redirect.Normalize(local));
        if (q >= 0 && q < local.Length - 1 && local[..q] != "/")
        {
            keys.Add(Redirect.Normalize(local[..q]));
        }

        return keys;
    }

    /// <summary>The value without surrounding spaces, unless it is empty or absurdly long.</summary>
    private static (string Text, string? Error) Trimmed(string? input, string which, int maxLength)
    {
        var text = input?.Trim() ?? "";
        return text.Length == 0 ? (text, $"Vui lòng nhập địa chỉ {which}.")
            : text.Length > InputMaxLength ? (text, $"Địa chỉ {which} dài quá {maxLength} ký tự.")
            : (text, null);
    }

    private static bool Counts(RedirectRule rule, int? editingId) => rule.Id == 0 || rule.Id != editingId;

    private static string PathOf(string normalized)
    {
        var q = normalized.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? normalized : normalized[..q];
    }

    private static string Describe(RedirectRule rule) =>
        $"“{rule.FromPath}” → “{rule.ToUrl}”" + (rule.Source is { } source ? $" ({source} của tệp)" : "");
}
