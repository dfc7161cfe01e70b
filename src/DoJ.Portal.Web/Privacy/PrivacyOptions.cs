namespace DoJ.Portal.Web.Privacy;

/// <summary>The <c>Privacy</c> section: how long citizens' contact details and sent mail are kept.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Months contact details are kept after a question is answered (or declined, merged) or a comment period closed.</summary>
    public int RetentionMonths { get; set; } = 12;

    /// <summary>Days a sent or given-up message (its recipient is personal data) is kept for the administrators' list.</summary>
    public int MailRetentionDays { get; set; } = 30;

    /// <summary>False stops the daily background run (the jobs screen's "Chạy ngay" still works).</summary>
    public bool BackgroundRetention { get; set; } = true;

    /// <summary>How often a host looks whether the daily run is due; the run itself happens once a day across all hosts.</summary>
    public int CheckMinutes { get; set; } = 60;
}
