using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Videos;

/// <summary><c>Video:*</c>: the limit of an uploaded MP4.</summary>
public sealed class VideoOptions
{
    public const string Section = "Video";
    public const long DefaultMaxUploadBytes = 200L * 1024 * 1024;

    /// <summary>The largest MP4 accepted, in bytes (200 MB by default).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>The limit as editors read it ("200 MB").</summary>
    public string MaxUploadText => VietnameseByteSize.Format(MaxUploadBytes);
}

/// <summary>
/// Marks the video form's save endpoints: their body limit is <c>Video:MaxUploadBytes</c> plus a poster image
/// (<see cref="Media.MediaStore.MaxBytes"/>) and one megabyte for the fields, read at request time. Every other endpoint keeps its limit.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class AcceptsVideoAttribute : Attribute
{
    public static long Limit(long maxUploadBytes) => maxUploadBytes + Media.MediaStore.MaxBytes + (1024 * 1024);
}
