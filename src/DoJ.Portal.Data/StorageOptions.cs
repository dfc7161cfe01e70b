namespace DoJ.Portal.Data;

/// <summary>
/// The <c>Storage</c> section: one folder for the SQLite file, the search index, the logs and (unless
/// <see cref="UploadsPath"/> and <see cref="FilesPath"/> say otherwise) the uploads and the files for download.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DefaultFolder = "App_Data";
    public const string UploadsFolder = "uploads";
    public const string FilesFolder = "files";

    /// <summary>This instance's own folder: never shared by two running instances (the search index lives here).</summary>
    public string DataPath { get; set; } = DefaultFolder;

    /// <summary>
    /// The uploaded images; empty means <c>{DataPath}/uploads</c>. Several instances point this at one shared
    /// folder (a shared volume), while each keeps its own <see cref="DataPath"/>.
    /// </summary>
    public string? UploadsPath { get; set; }

    /// <summary>The folder uploads are written to and served from: <see cref="UploadsPath"/>, else <c>{DataPath}/uploads</c>.</summary>
    public string UploadsRoot => string.IsNullOrWhiteSpace(UploadsPath) ? Path.Combine(DataPath, UploadsFolder) : UploadsPath;

    /// <summary>
    /// The files for download (attachments, the register's files); empty means <c>{DataPath}/files</c>. Like
    /// <see cref="UploadsPath"/>, several instances point it at one shared folder.
    /// </summary>
    public string? FilesPath { get; set; }

    /// <summary>The folder stored files live in (<c>StoredFile.FileName</c> is relative to it): <see cref="FilesPath"/>, else <c>{DataPath}/files</c>.</summary>
    public string FilesRoot => string.IsNullOrWhiteSpace(FilesPath) ? Path.Combine(DataPath, FilesFolder) : FilesPath;

    /// <summary>Makes the configured folders absolute; relative ones are under <paramref name="contentRootPath"/>.</summary>
    public StorageOptions Resolve(string contentRootPath)
    {
        DataPath = Path.GetFullPath(DataPath, contentRootPath);
        UploadsPath = string.IsNullOrWhiteSpace(UploadsPath) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(UploadsPath, contentRootPath));
        FilesPath = string.IsNullOrWhiteSpace(FilesPath) ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(FilesPath, contentRootPath));
        return this;
    }
}
