using SkiaSharp;

namespace DoJ.Portal.Testing.Builders;

/// <summary>
/// <c>new ImageBuilder().Sized(320, 200).Png()</c>: a real image file (a coloured field with a gold disc),
/// as an editor would upload it.
/// </summary>
public sealed class ImageBuilder
{
    private int width = 640;
    private int height = 480;
    private SKColor background = new(200, 30, 40);

    public ImageBuilder Sized(int width, int height)
    {
        this.width = width;
        this.height = height;
        return this;
    }

    public ImageBuilder OnBackground(SKColor colour)
    {
        background = colour;
        return this;
    }

    public byte[] Png() => Build(SKEncodedImageFormat.Png);

    public byte[] Jpeg() => Build(SKEncodedImageFormat.Jpeg);

    /// <summary>The image encoded as <paramref name="format"/>; lossy formats at quality 90 (PNG ignores it).</summary>
    public byte[] Build(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
