namespace DoJ.Portal.Domain.Content;

/// <summary>An uploaded image, re-encoded and stored under a generated name in the data folder.</summary>
public class Media : IAuditable
{
    public const int FileNameMaxLength = 100;
    public const int OriginalNameMaxLength = 255;
    public const int ContentTypeMaxLength = 50;
    public const int AltTextMaxLength = 300;
    public const int VariantWidthsMaxLength = 50;

    public int Id { get; set; }

    /// <summary>Generated name on disk, e.g. <c>2026/11/3f2a….webp</c>; never the uploader's name.</summary>
    public string FileName { get; set; } = "";

    public string? ThumbnailFileName { get; set; }
    public string OriginalName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public string AltText { get; set; } = "";

    /// <summary>The upload's bytes as received, kept (never served: they may hold EXIF/GPS) so variants can be made again.</summary>
    public string? OriginalFileName { get; set; }

    /// <summary>
    /// The widths (ascending, comma-separated, e.g. <c>320,640,1280</c>) of the responsive variants made in WebP
    /// and JPEG; empty until the image is converted.
    /// </summary>
    public string VariantWidths { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string? UploadedById { get; set; }
}
