using System.Security.Cryptography;
using System.Text;

namespace DoJ.Portal.Domain.Citizens;

/// <summary>
/// The tracking code (mã tra cứu) an asker is given: <see cref="Question.TrackingCodeLength"/> characters drawn with a
/// CSPRNG from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V), so it can be read over the phone and
/// typed back in any case or spacing.
/// </summary>
public static class TrackingCode
{
    /// <summary>23 letters and digits that cannot be mistaken for one another.</summary>
    public const string Alphabet = "34679ACDEFGHJKMNPQRTWXY";

    /// <summary>A new random code (uniqueness is checked by the caller against the stored codes).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Question.TrackingCodeLength);

    /// <summary>
    /// What a person typed, as stored: spaces, dashes and dots dropped, upper case; null when the result cannot be a code
    /// (wrong length or a character outside <see cref="Alphabet"/>).
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 4 * Question.TrackingCodeLength)
        {
            return null;
        }

        var code = new StringBuilder(Question.TrackingCodeLength);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '.' or '_')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal) || code.Length == Question.TrackingCodeLength)
            {
                return null;
            }

            code.Append(upper);
        }

        return code.Length == Question.TrackingCodeLength ? code.ToString() : null;
    }
}
