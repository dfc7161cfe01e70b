using System.Text;

namespace DoJ.Portal.Domain.Text;

/// <summary>URL slugs made from Vietnamese titles: ASCII, lower case, hyphens, cut at a word boundary.</summary>
public static class Slug
{
    public const int DefaultMaxLength = 80;

    /// <summary><c>Bình đẳng giới</c> → <c>binh-dang-gioi</c>. Returns "" when nothing usable is left.</summary>
    public static string From(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = VietnameseText.Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        // Cut at the last hyphen that keeps the slug within the limit; a single overlong word is cut hard.
        var cut = slug.LastIndexOf('-', maxLength);
        return cut > 0 ? slug[..cut] : slug[..maxLength];
    }

    /// <summary>True for a well-formed slug as <see cref="From"/> makes them (used to validate route values).</summary>
    public static bool IsWellFormed(string? slug, int maxLength = 200) =>
        !string.IsNullOrEmpty(slug)
        && slug.Length <= maxLength
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && !slug.StartsWith('-')
        && !slug.EndsWith('-')
        && !slug.Contains("--", StringComparison.Ordinal);
}
