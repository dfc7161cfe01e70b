using MailKit.Security;

namespace DoJ.Portal.Web.Mail;

/// <summary>
/// The <c>Mail</c> section. With no <see cref="Host"/> (the default) messages are written as <c>.eml</c> files to
/// <see cref="PickupFolder"/>, so Development and a fresh clone need no mail server.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";
    public const string DefaultPickupFolder = "mail-pickup";

    /// <summary>The SMTP server; empty means the pickup folder.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>StartTls</c> (port 587), <c>SslOnConnect</c> (465), <c>None</c> (a relay on the same host), or <c>Auto</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Signs in only when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "khong-tra-loi@localhost";

    public string FromName { get; set; } = "Sở Tư pháp";

    /// <summary>The folder for <c>.eml</c> files when there is no <see cref="Host"/>; empty means <c>{Storage:DataPath}/mail-pickup</c>.</summary>
    public string? PickupFolder { get; set; }

    /// <summary>False stops the background sender (a host that only serves pages; tests that send themselves).</summary>
    public bool BackgroundSending { get; set; } = true;

    /// <summary>How often the sender looks for messages due.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>How many messages one look sends at most.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a sender's claim on a message lasts: longer than a send can take.</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>The SMTP connection's timeout.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);
}
