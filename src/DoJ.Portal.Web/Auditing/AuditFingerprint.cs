using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DoJ.Portal.Web.Auditing;

/// <summary>
/// A text recorded in the audit log by fingerprint instead of by value: what a citizen wrote (or what answers
/// it) may hold personal data, which never goes into the log. Equal texts give equal fingerprints, so an
/// administrator can still see that a text changed, and check a text they hold against the log.
/// </summary>
public static class AuditFingerprint
{
    /// <summary><c>SHA-256 1a2b3c4d5e6f7081 (123 ký tự)</c>, or null for no text.</summary>
    public static string? Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return string.Create(CultureInfo.InvariantCulture, $"SHA-256 {Convert.ToHexStringLower(hash)[..16]} ({text.Length} ký tự)");
    }
}
