using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Files;

/// <summary><c>Files:*</c>: the limits of document uploads (attachments of articles, pages and the register).</summary>
public sealed class FileUploadOptions
{
    public const string Section = "Files";
    public const long DefaultMaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (20 MB by default).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>The limit as editors read it ("20 MB").</summary>
    public string MaxUploadText => VietnameseByteSize.Format(MaxUploadBytes);
}
