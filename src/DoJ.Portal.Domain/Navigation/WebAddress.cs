using System.Globalization;

namespace DoJ.Portal.Domain.Navigation;

/// <summary>Why an address an administrator typed is refused.</summary>
public enum WebAddressProblem
{
    None,
    Empty,
    WhitespaceOrControl,
    Backslash,
    NotHttp,
    Credentials,
    Invalid,
    NotSiteRelative,
}

/// <summary>
/// The rules for addresses administrators type (links to other sites, menu items, redirect targets).
/// Strict on purpose: .NET's <see cref="Uri"/> is lenient (<c>http:\\host</c>, <c>http://@host</c> and
/// <c>/relative</c> all parse as absolute), and a browser is more lenient still.
/// </summary>
public static class WebAddress
{
    /// <summary>An absolute <c>http</c> or <c>https</c> address with a host and no user name or password.</summary>
    public static WebAddressProblem CheckAbsolute(string? url)
    {
        if (Common(url) is var problem and not WebAddressProblem.None)
        {
            return problem;
        }

        var prefix = url!.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http://".Length
            : url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https://".Length
            : 0;
        if (prefix == 0)
        {
            return WebAddressProblem.NotHttp;
        }

        var end = url.IndexOfAny(['/', '?', '#'], prefix);
        var authority = end < 0 ? url[prefix..] : url[prefix..end];
        if (authority.Contains('@', StringComparison.Ordinal))
        {
            return WebAddressProblem.Credentials;
        }

        return authority.Length > 0
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.UserInfo.Length == 0
            && uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            && uri.Host.Length > 0
                ? WebAddressProblem.None
                : WebAddressProblem.Invalid;
    }

    /// <summary>An address on this site: one leading <c>/</c> (never <c>//host</c> or <c>/\host</c>, which browsers take to another site).</summary>
    public static WebAddressProblem CheckSiteRelative(string? url)
    {
        if (Common(url) is var problem and not WebAddressProblem.None)
        {
            return problem;
        }

        return url!.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && Uri.TryCreate(url, UriKind.Relative, out _)
                ? WebAddressProblem.None
                : WebAddressProblem.NotSiteRelative;
    }

    public static bool IsAbsoluteHttp(string? url) => CheckAbsolute(url) == WebAddressProblem.None;

    /// <summary>
    /// The address as it can go into a <c>Location</c> header (ASCII only: Kestrel refuses anything else):
    /// an international host in punycode, other characters percent-encoded. An ASCII address is kept as typed.
    /// Only for addresses that passed <see cref="CheckAbsolute"/> or <see cref="CheckSiteRelative"/>.
    /// </summary>
    public static string ToAscii(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.All(char.IsAscii))
        {
            return url;
        }

        if (url.StartsWith('/'))
        {
            var resolved = new Uri(new Uri("http://site.invalid"), url);
            return resolved.PathAndQuery + resolved.Fragment;
        }

        var uri = new Uri(url, UriKind.Absolute);
        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{host}{port}{uri.PathAndQuery}{uri.Fragment}";
    }

    /// <summary>Spaces, control characters and invisible format characters (zero-width, bidi overrides) hide what an address really is.</summary>
    public static bool HasWhitespaceOrControl(string text) =>
        text is not null && text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    /// <summary>What to tell the administrator, in Vietnamese.</summary>
    public static string ToVietnamese(this WebAddressProblem problem) => problem switch
    {
        WebAddressProblem.Empty => "Vui lòng nhập địa chỉ.",
        WebAddressProblem.WhitespaceOrControl => "Địa chỉ không được chứa khoảng trắng, ký tự điều khiển hoặc ký tự ẩn.",
        WebAddressProblem.Backslash => "Địa chỉ không được chứa dấu gạch ngược (\\).",
        WebAddressProblem.NotHttp => "Chỉ chấp nhận địa chỉ web đầy đủ bắt đầu bằng http:// hoặc https:// (ví dụ https://chinhphu.vn).",
        WebAddressProblem.Credentials => "Địa chỉ không được chứa tên đăng nhập hoặc mật khẩu (phần có dấu @ trước tên miền).",
        WebAddressProblem.NotSiteRelative => "Địa chỉ trong trang phải bắt đầu bằng một dấu / (ví dụ /chuyen-muc/tin-tuc).",
        WebAddressProblem.Invalid => "Địa chỉ web không hợp lệ: cần có tên miền đúng, ví dụ https://chinhphu.vn.",
        _ => "",
    };

    private static WebAddressProblem Common(string? url) =>
        string.IsNullOrEmpty(url) ? WebAddressProblem.Empty
        : HasWhitespaceOrControl(url) ? WebAddressProblem.WhitespaceOrControl
        : url.Contains('\\', StringComparison.Ordinal) ? WebAddressProblem.Backslash
        : WebAddressProblem.None;
}
