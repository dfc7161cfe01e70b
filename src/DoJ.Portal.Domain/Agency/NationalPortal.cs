namespace DoJ.Portal.Domain.Agency;

/// <summary>
/// The national public-service portal (Cổng Dịch vụ công quốc gia), where a procedure's details live: which addresses a
/// procedure may link to, and the portal's search for a procedure code (its detail pages are keyed by an internal id,
/// not by the national code, so the code's search is the one link that can be built offline).
/// </summary>
public static class NationalPortal
{
    /// <summary>The portal's host; its sub-domains (a ministry's or a province's portal) are accepted too.</summary>
    public const string Host = "dichvucong.gov.vn";

    public const string SearchBase = "https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html";

    /// <summary>An absolute http(s) address on <see cref="Host"/> or one of its sub-domains, with no user name or password.</summary>
    public static bool IsAcceptable(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > Procedure.UrlMaxLength || url.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.');
        return (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.UserInfo.Length == 0
            && uri.IsDefaultPort
            && (host.Equals(Host, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The portal's search for <paramref name="code"/> (e.g. <c>1.001193</c>).</summary>
    public static string SearchUrl(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return SearchBase + "?key=" + Uri.EscapeDataString(code.Trim());
    }

    /// <summary>A national procedure code as the national database writes it: digits and dots, e.g. <c>1.001193</c> or <c>2.000908</c>.</summary>
    public static bool IsWellFormedCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= Procedure.CodeMaxLength
        && code.All(c => c is (>= '0' and <= '9') or '.')
        && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[^1]) && !code.Contains("..", StringComparison.Ordinal);
}

/// <summary>The Vietnamese labels of the agency's enums, as the public pages and the admin show them.</summary>
public static class AgencyLabels
{
    public static string ToVietnamese(this ProcedureLevel level) => level switch
    {
        ProcedureLevel.Commune => "Cấp xã",
        _ => "Cấp tỉnh",
    };

    public static string ToVietnamese(this OfficialRole role) => role switch
    {
        OfficialRole.ContactOfficial => "Đầu mối liên hệ",
        _ => "Lãnh đạo Sở",
    };
}
