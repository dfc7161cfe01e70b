namespace DoJ.Portal.Domain.Files;

/// <summary>Where the extraction of a file's text for search stands.</summary>
public enum FileTextState
{
    /// <summary>A kind whose text the portal does not read (spreadsheets, ZIP…).</summary>
    NotApplicable = 0,
    Pending = 1,
    Extracted = 2,

    /// <summary>The file could not be read (damaged, encrypted, over the time or size bound); it stays downloadable.</summary>
    Unreadable = 3,
}
