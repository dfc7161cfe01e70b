namespace DoJ.Portal.Domain.Files;

/// <summary>
/// A document uploaded for download (PDF, Office, OpenDocument, ZIP), stored under a generated name in the
/// data folder. Attachments point at it; it is never changed after upload, so revisions can point at it too.
/// </summary>
public class StoredFile : IAuditable
{
    public const int FileNameMaxLength = 100;
    public const int OriginalNameMaxLength = 255;
    public const int TextNoteMaxLength = 300;
    public const int Sha256Length = 64;

    /// <summary>The most characters of extracted text kept for search; the rest of a longer file is not searchable.</summary>
    public const int TextMaxLength = 1_000_000;

    public int Id { get; set; }

    /// <summary>Generated name on disk relative to the files folder, e.g. <c>2026/12/3f2a….pdf</c>.</summary>
    public string FileName { get; set; } = "";

    /// <summary>The name it was uploaded with (cleaned), given back in the download's Content-Disposition.</summary>
    public string OriginalName { get; set; } = "";

    public FileKind Kind { get; set; }
    public long SizeBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedById { get; set; }

    public FileTextState TextState { get; set; }

    /// <summary>The text read from the file (PDF, DOCX) for search; null until extracted.</summary>
    public string? Text { get; set; }

    /// <summary>Why the text could not be read, in Vietnamese for the jobs screen.</summary>
    public string? TextNote { get; set; }

    public DateTime? TextUpdatedAtUtc { get; set; }
}
