using DoJ.Portal.Domain.Content;

namespace DoJ.Portal.Domain.Gallery;

/// <summary>One photo of an album: an image of the library with this album's caption and alt text, in order.</summary>
public class AlbumPhoto
{
    public const int CaptionMaxLength = 500;

    public int Id { get; set; }
    public int AlbumId { get; set; }
    public Album? Album { get; set; }
    public int MediaId { get; set; }
    public Media? Media { get; set; }
    public int Position { get; set; }
    public string Caption { get; set; } = "";

    /// <summary>Required: what the photo shows, for readers who cannot see it.</summary>
    public string AltText { get; set; } = "";
}
