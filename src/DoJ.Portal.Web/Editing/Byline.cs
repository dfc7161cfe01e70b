using System.Text.RegularExpressions;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The rule for the name printed under an article (and for staff names, which are its default): a person's or
/// a unit's name, never an e-mail address, which would publish a staff member's address to every reader.
/// </summary>
public static partial class Byline
{
    public const string EmailRefused = "Tác giả không được là địa chỉ email.";

    /// <summary>True when <paramref name="text"/> is, or contains, something shaped like an e-mail address.</summary>
    public static bool HoldsEmailAddress(string? text) => !string.IsNullOrEmpty(text) && EmailAddress().IsMatch(text);

    // Loose on purpose: "a@b.vn", "admin@localhost" and "Tên <a@b.vn>" are all addresses to a reader.
    [GeneratedRegex(@"[^\s@<>()]+@[^\s@<>()]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailAddress();
}
