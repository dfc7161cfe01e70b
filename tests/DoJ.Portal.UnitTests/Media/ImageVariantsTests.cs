using DoJ.Portal.Web.Media;
using SkiaSharp;

namespace DoJ.Portal.UnitTests.Media;

public sealed class ImageVariantsTests
{
    [Theory]
    [InlineData(2000, "320,640,1280")]
    [InlineData(1280, "320,640,1280")]
    [InlineData(900, "320,640")]
    [InlineData(320, "320")]
    [InlineData(200, "200")]
    public void Variants_are_never_wider_than_the_source(int width, string expected) =>
        Assert.Equal(expected, string.Join(',', ImageVariants.WidthsFor(width)));

    [Fact]
    public void A_large_JPEG_is_decoded_downsampled_within_the_bound()
    {
        byte[] jpeg;
        using (var gray = new SKBitmap(new SKImageInfo(6000, 4000, SKColorType.Gray8, SKAlphaType.Opaque)))
        {
            gray.Erase(new SKColor(90, 90, 90));
            using var image = SKImage.FromBitmap(gray);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            jpeg = data.ToArray();
        }

        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        using var bitmap = ImageVariants.DecodeBounded(codec);

        Assert.NotNull(bitmap);
        Assert.True((long)bitmap.Width * bitmap.Height <= ImageVariants.MaxDecodePixels);
        Assert.Equal(3, bitmap.Width / (bitmap.Height / 2));
    }

    [Fact]
    public async Task Variants_are_written_as_WebP_and_JPEG_beside_the_stored_name()
    {
        var root = Path.Combine(Path.GetTempPath(), "doj-variants-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var source = new SKBitmap(new SKImageInfo(700, 350, SKColorType.Rgba8888, SKAlphaType.Premul));
            source.Erase(SKColors.Transparent);

            var widths = await ImageVariants.WriteAsync(source, root, "2026/11/0123456789abcdef0123456789abcdef.png", CancellationToken.None);

            Assert.Equal([320, 640], widths);
            using var webp = SKCodec.Create(Path.Combine(root, "2026", "11", "0123456789abcdef0123456789abcdef-640.webp"));
            Assert.Equal(SKEncodedImageFormat.Webp, webp.EncodedFormat);
            Assert.Equal(320, webp.Info.Height);
            using var jpeg = SKBitmap.Decode(Path.Combine(root, "2026", "11", "0123456789abcdef0123456789abcdef-320.jpg"));
            Assert.Equal(SKColors.White, jpeg.GetPixel(10, 10));
            Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
