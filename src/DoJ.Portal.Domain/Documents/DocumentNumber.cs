using System.Text;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Domain.Documents;

/// <summary>
/// Số/Ký hiệu as a lookup sees it: <c>15/2025/QĐ-UBND</c>, <c>15/2025/qd-ubnd</c> and <c>15 / 2025 / QĐ - UBND</c>
/// are one number; <c>QĐ 15</c> names some of its parts.
/// </summary>
public static class DocumentNumber
{
    /// <summary>Folded (lower case, no marks, đ → d) with every space removed: the exact-match key.</summary>
    public static string Key(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return "";
        }

        var builder = new StringBuilder(number.Length);
        foreach (var c in VietnameseText.Fold(number))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The folded parts between separators: <c>15/2025/QĐ-UBND</c> → 15, 2025, qd, ubnd.</summary>
    public static IReadOnlyList<string> Parts(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return [];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in VietnameseText.Fold(number))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    /// <summary>
    /// Whether a query looks like (part of) a number rather than words: it has a digit and every part is a
    /// number or a short symbol (<c>QĐ 15</c>, <c>15/2025</c>, <c>15/2025/QĐ-UBND</c>).
    /// </summary>
    public static bool LooksLikeNumber(string? query)
    {
        var parts = Parts(query);
        return parts.Count > 0
            && parts.Any(p => p.Any(char.IsDigit))
            && parts.All(p => p.All(char.IsDigit) || p.Length <= 6);
    }
}
