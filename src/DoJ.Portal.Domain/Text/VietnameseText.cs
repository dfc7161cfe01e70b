using System.Globalization;
using System.Text;

namespace DoJ.Portal.Domain.Text;

/// <summary>Folding of Vietnamese text to plain lower-case ASCII letters, as search and slugs need it.</summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower-cases and removes every tone and vowel mark (NFD, then drops combining marks), and maps
    /// đ/Đ to d, which is a separate letter rather than an accent, so generic accent stripping misses it.
    /// Works on NFC and NFD input alike.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
