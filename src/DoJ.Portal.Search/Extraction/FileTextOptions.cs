namespace DoJ.Portal.Search.Extraction;

/// <summary>The <c>FileText</c> section: the bounds on reading one file's text, and how the queue is worked.</summary>
public sealed class FileTextOptions
{
    public const string Section = "FileText";

    /// <summary>A larger file is not read (marked unreadable); keep it at least the upload limit.</summary>
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most time one file may take; then it is marked unreadable.</summary>
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A PDF's pages past this are not read (the text read so far is kept).</summary>
    public int MaxPages { get; set; } = 2000;

    /// <summary>How often an idle instance looks for waiting files.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim holds: a file claimed longer ago (its reader stopped) is taken by another instance.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}
