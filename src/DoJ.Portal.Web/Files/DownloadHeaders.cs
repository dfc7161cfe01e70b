using System.Text;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Files;

/// <summary>The headers of a document download.</summary>
public static class DownloadHeaders
{
    /// <summary>Under which a file a browser renders anyway (a PDF viewer) can run, load or frame nothing.</summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

    /// <summary>The policy of a PDF previewed in a frame of our own pages (see <c>PortalSecurity.PreviewPolicy</c>).</summary>
    public const string PreviewContentSecurityPolicy = "default-src 'none'; frame-ancestors 'self'";

    /// <summary>The query that asks for a PDF inline, for the document page's preview frame.</summary>
    public const string PreviewQuery = "xem";

    public static bool IsPreview(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request is not null && request.Query[PreviewQuery] == "1";

    /// <summary><c>inline</c>, with the same names as <see cref="ContentDisposition"/>: a save from the viewer keeps the original name.</summary>
    public static string InlineDisposition(string fileName) => "inline" + ContentDisposition(fileName)["attachment".Length..];

    /// <summary>
    /// <c>attachment</c> with the original name twice (RFC 6266): <c>filename*=UTF-8''…</c> (NFC, percent-encoded), which
    /// every current browser reads, and a plain ASCII <c>filename</c> for the others, Vietnamese letters folded to their
    /// base letters (<c>Quyết định</c> → <c>Quyet dinh</c>).
    /// </summary>
    public static string ContentDisposition(string fileName)
    {
        var name = (fileName ?? "").Normalize(NormalizationForm.FormC);
        return $"attachment; filename=\"{AsciiFallback(name)}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    public static string AsciiFallback(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormC))
        {
            if (c is >= ' ' and <= '~' and not ('"' or '\\' or '%'))
            {
                ascii.Append(c);
            }
            else if (VietnameseText.TryFold(c, out var folded) && folded is >= 'a' and <= 'z')
            {
                ascii.Append(char.IsUpper(c) ? char.ToUpperInvariant(folded) : folded);
            }
            else if (!char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                ascii.Append('_');
            }
        }

        return ascii.Length == 0 ? "tai-lieu" : ascii.ToString();
    }
}
