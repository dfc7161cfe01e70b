namespace DoJ.Portal.Domain.Auditing;

/// <summary>Who did what to which record and when, with the values changed. Never edited or deleted.</summary>
public class AuditEntry
{
    public const int UserNameMaxLength = 256;
    public const int ActionMaxLength = 50;
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int SummaryMaxLength = 500;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>JSON object of changed values: <c>{"Title": {"old": "…", "new": "…"}}</c>.</summary>
    public string Changes { get; set; } = "{}";
}
