using System.Globalization;

namespace DoJ.Portal.Domain.Content;

/// <summary>
/// What a page needs to show an image of the library: its stored name, size and responsive variants. Variants
/// sit beside the stored image as <c>{name}-{width}.webp</c> and <c>{name}-{width}.jpg</c>
/// (<c>2026/11/3f2a…-640.webp</c>); <see cref="Media.VariantWidths"/> says which widths exist.
/// </summary>
public sealed record ImageRef(int Id, string FileName, int Width, int Height, string VariantWidths)
{
    public static ImageRef Of(Media media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return new(media.Id, media.FileName, media.Width, media.Height, media.VariantWidths);
    }

    /// <summary>The widths of the variants made, ascending; empty until the image is converted.</summary>
    public IReadOnlyList<int> Widths => ParseWidths(VariantWidths);

    /// <summary>The stored name of one variant: <c>2026/11/3f2a…-640.webp</c>.</summary>
    public string VariantName(int width, string extension) => VariantName(FileName, width, extension);

    public static string VariantName(string fileName, int width, string extension)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var dot = fileName.LastIndexOf('.');
        var stem = dot < 0 ? fileName : fileName[..dot];
        return string.Create(CultureInfo.InvariantCulture, $"{stem}-{width}.{extension}");
    }

    public static IReadOnlyList<int> ParseWidths(string? widths) =>
        string.IsNullOrWhiteSpace(widths)
            ? []
            : widths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .Where(n => n > 0).Order().ToList();

    public static string FormatWidths(IEnumerable<int> widths) =>
        string.Join(',', widths.Order().Select(w => w.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The height of a variant <paramref name="width"/> wide, keeping the stored image's proportions.</summary>
    public int HeightAt(int width) => Width <= 0 ? Height : Math.Max(1, (int)Math.Round(Height * (width / (double)Width)));
}
