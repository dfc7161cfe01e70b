using System.Text;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Files;

/// <summary>The headers of a document download.</summary>
public static class DownloadHeaders
{
    /// <summary>Under which a file a browser renders anyway (a PDF viewer) can run, load or frame nothing.</summary>
    public const string ContentSecurityPolicy = "sandbox; default-src 'none'";

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
