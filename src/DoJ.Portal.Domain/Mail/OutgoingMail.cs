namespace DoJ.Portal.Domain.Mail;

/// <summary>
/// A message waiting to be sent, or sent. Adding a row is how the portal sends mail: the row is saved with the
/// change that caused it (same SaveChanges), and a background sender delivers it later with retries, so a slow
/// or failing mail server never blocks a request. The recipient is personal data: sent messages are deleted
/// after the retention.
/// </summary>
public class OutgoingMail
{
    public const int AddressMaxLength = 254;
    public const int SubjectMaxLength = 300;
    public const int PurposeMaxLength = 50;
    public const int ErrorMaxLength = 1000;

    /// <summary>After this many failed attempts the message is given up (an administrator may retry it).</summary>
    public const int MaxAttempts = 8;

    public long Id { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";

    /// <summary>Plain text body (UTF-8); the messages are short notices, sent as text.</summary>
    public string TextBody { get; set; } = "";

    /// <summary>What the message is for, e.g. <c>question-answered</c>, for the administrators' list.</summary>
    public string Purpose { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
    public int Attempts { get; set; }

    /// <summary>When the sender may try it (again); null once sent or given up.</summary>
    public DateTime? NextAttemptAtUtc { get; set; }

    /// <summary>An instance's claim on it while sending, so several instances send it once.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }
    public DateTime? GaveUpAtUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>A new message to send as soon as possible.</summary>
    public static OutgoingMail Create(string toAddress, string subject, string textBody, string purpose, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(textBody);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var at = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        return new OutgoingMail
        {
            ToAddress = toAddress.Trim(),
            Subject = subject.Length <= SubjectMaxLength ? subject : subject[..SubjectMaxLength],
            TextBody = textBody,
            Purpose = purpose,
            CreatedAtUtc = at,
            NextAttemptAtUtc = at,
        };
    }
}
