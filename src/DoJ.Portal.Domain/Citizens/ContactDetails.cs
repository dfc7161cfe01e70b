using System.Net.Mail;
using System.Text;

namespace DoJ.Portal.Domain.Citizens;

/// <summary>The contact details a citizen gives on a form, checked and put in one stored form.</summary>
public static class ContactDetails
{
    /// <summary>
    /// A Vietnamese phone number as stored: digits only, starting with 0 (<c>+84 912 345 678</c>, <c>0912.345.678</c>
    /// and <c>(0234) 3822 123</c> are accepted), 10 or 11 digits; null when <paramref name="text"/> is not one.
    /// </summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 30)
        {
            return null;
        }

        var digits = new StringBuilder();
        var trimmed = text.Trim();
        var start = 0;
        if (trimmed.StartsWith('+'))
        {
            if (!trimmed.StartsWith("+84", StringComparison.Ordinal))
            {
                return null;
            }

            digits.Append('0');
            start = 3;
        }

        for (var i = start; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '(' or ')'))
            {
                return null;
            }
        }

        var phone = digits.ToString();
        if (phone.StartsWith("00", StringComparison.Ordinal) || phone.StartsWith("084", StringComparison.Ordinal) && phone.Length > 11)
        {
            return null;
        }

        return phone.Length is 10 or 11 && phone[0] == '0' && phone[1] != '0' ? phone : null;
    }

    /// <summary>An e-mail address as stored (trimmed, the domain in lower case); null when <paramref name="text"/> is not one.</summary>
    public static string? NormalizeEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > Question.EmailMaxLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return null;
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return null;
        }

        var domain = trimmed[(at + 1)..];
        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed[..at] + "@" + domain.ToLowerInvariant();
    }

    /// <summary>
    /// The name shown with a published answer when the asker did not agree to show it in full: the initial of
    /// each word, e.g. <c>Nguyễn Văn An</c> → <c>N.V.A.</c>; "Bạn đọc" when there is no name.
    /// </summary>
    public static string Initials(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Bạn đọc";
        }

        var initials = new StringBuilder();
        foreach (var word in name.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var first = System.Globalization.StringInfo.GetNextTextElement(word);
            if (first.Length > 0 && char.IsLetter(first[0]))
            {
                initials.Append(first.ToUpperInvariant()).Append('.');
            }
        }

        return initials.Length > 0 ? initials.ToString() : "Bạn đọc";
    }
}
