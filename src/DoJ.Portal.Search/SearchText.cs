using System.Text;

namespace DoJ.Portal.Search;

/// <summary>What is kept of a typed query: NFC, no control characters, trimmed, at most 200 characters.</summary>
public static class SearchText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, SearchIndex.MaxQueryLength));
        foreach (var c in text)
        {
            if (builder.Length >= SearchIndex.MaxQueryLength)
            {
                break;
            }

            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        var cleaned = builder.ToString().Trim();
        return cleaned.IsNormalized(NormalizationForm.FormC) ? cleaned : cleaned.Normalize(NormalizationForm.FormC);
    }
}
