using DoJ.Portal.Domain.Content;
using SkiaSharp;

namespace DoJ.Portal.Web.Media;

/// <summary>
/// The <c>og:image</c> of a page: a raster image, since Facebook and Zalo do not show SVG. An article's lead image
/// gives its 1280-wide JPEG variant (the widest JPEG, or the stored image, before conversion); other pages the
/// site's default card (<see cref="DefaultPath"/>), drawn once with SkiaSharp.
/// </summary>
public sealed record OpenGraphImage(string Path, int Width, int Height)
{
    /// <summary>Where the default card is served.</summary>
    public const string DefaultPath = "/og-image.png";

    public const int DefaultWidth = 1200;
    public const int DefaultHeight = 630;

    /// <summary>The preferred width for sharing: Facebook asks for at least 1200 px wide for large cards.</summary>
    public const int PreferredWidth = 1280;

    public static OpenGraphImage Default { get; } = new(DefaultPath, DefaultWidth, DefaultHeight);

    public static OpenGraphImage Of(ImageRef image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var widths = image.Widths;
        if (widths.Count == 0)
        {
            return new(MediaStore.Url(image.FileName), image.Width, image.Height);
        }

        var width = widths.Contains(PreferredWidth) ? PreferredWidth : widths[^1];
        return new(MediaStore.Url(image.VariantName(width, "jpg")), width, image.HeightAt(width));
    }

    /// <summary>
    /// The default card as PNG: the national colours, a star, and the site's name when the machine has a font for
    /// Vietnamese (the card is still a valid image without one).
    /// </summary>
    public static byte[] DrawDefault(string siteName)
    {
        using var surface = SKSurface.Create(new SKImageInfo(DefaultWidth, DefaultHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0x9B, 0x1C, 0x1C));
        using var gold = new SKPaint { Color = new SKColor(0xF2, 0xC1, 0x4E), IsAntialias = true };
        canvas.DrawRect(0, DefaultHeight - 24, DefaultWidth, 24, gold);
        canvas.DrawCircle(170, DefaultHeight / 2f, 110, gold);
        using var red = new SKPaint { Color = new SKColor(0xC8, 0x10, 0x2E), IsAntialias = true };
        canvas.DrawCircle(170, DefaultHeight / 2f, 96, red);
        using var star = Star(170, DefaultHeight / 2f, 80);
        canvas.DrawPath(star, gold);
        var typeface = SKFontManager.Default.MatchCharacter('ữ');
        if (typeface is not null && !string.IsNullOrWhiteSpace(siteName))
        {
            using var font = new SKFont(typeface, 56);
            using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
            var y = DefaultHeight / 2f - 20;
            foreach (var line in Wrap(siteName.Trim(), font, DefaultWidth - 380).Take(3))
            {
                canvas.DrawText(line, 330, y, SKTextAlign.Left, font, white);
                y += 70;
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static SKPath Star(float cx, float cy, float radius)
    {
        var points = new SKPoint[10];
        for (var i = 0; i < points.Length; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.382f;
            var angle = (Math.PI / 5 * i) - (Math.PI / 2);
            points[i] = new SKPoint(cx + (float)(r * Math.Cos(angle)), cy + (float)(r * Math.Sin(angle)));
        }

        using var builder = new SKPathBuilder();
        builder.AddPoly(points, true);
        return builder.Detach();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
