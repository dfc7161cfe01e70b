using System.Text.RegularExpressions;

namespace DoJ.Portal.Web.Mail;

/// <summary>When a failed message is tried again, and what of the failure is kept.</summary>
public static partial class MailRetry
{
    /// <summary>The first retry's wait; each later one doubles it, up to <see cref="LongestWait"/>.</summary>
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(2);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt: 1, 2, 4 … minutes, at most two hours.</summary>
    public static TimeSpan WaitAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var wait = FirstWait * Math.Pow(2, doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>
    /// The failure as stored and shown to administrators: the kind of error and its message, with every e-mail
    /// address in it replaced (a server's reply often quotes the recipient, which is personal data).
    /// </summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = $"{error.GetType().Name}: {error.Message}".ReplaceLineEndings(" ");
        return Address().Replace(text, "[địa chỉ]");
    }

    [GeneratedRegex(@"[^\s<>""'(),;:@]+@[^\s<>""'(),;:@]+", RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
