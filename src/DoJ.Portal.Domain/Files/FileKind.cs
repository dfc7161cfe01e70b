namespace DoJ.Portal.Domain.Files;

/// <summary>The kinds of file the portal accepts for download (and MP4 for videos), as recognised from their bytes (never from the name).</summary>
public enum FileKind
{
    Pdf = 0,
    Doc = 1,
    Docx = 2,
    Xls = 3,
    Xlsx = 4,
    Odt = 5,
    Ods = 6,
    Zip = 7,

    /// <summary>A video of the gallery (<c>Gallery.Video</c>), never an attachment.</summary>
    Mp4 = 8,
}

public static class FileKinds
{
    /// <summary>The extension a stored file and its download get, whatever name it was uploaded with.</summary>
    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Pdf => ".pdf",
        FileKind.Doc => ".doc",
        FileKind.Docx => ".docx",
        FileKind.Xls => ".xls",
        FileKind.Xlsx => ".xlsx",
        FileKind.Odt => ".odt",
        FileKind.Ods => ".ods",
        FileKind.Mp4 => ".mp4",
        _ => ".zip",
    };

    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Doc => "application/msword",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xls => "application/vnd.ms-excel",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Odt => "application/vnd.oasis.opendocument.text",
        FileKind.Ods => "application/vnd.oasis.opendocument.spreadsheet",
        FileKind.Mp4 => "video/mp4",
        _ => "application/zip",
    };

    /// <summary>The short label a reader sees next to a file (PDF, DOCX…).</summary>
    public static string Label(this FileKind kind) => kind.Extension().TrimStart('.').ToUpperInvariant();

    /// <summary>Whether the portal reads the text inside such a file for search.</summary>
    public static bool HasSearchableText(this FileKind kind) => kind is FileKind.Pdf or FileKind.Docx;
}
