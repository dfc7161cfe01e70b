using System.Runtime.InteropServices;
using DoJ.Portal.Domain.Content;
using SkiaSharp;

namespace DoJ.Portal.Web.Media;

/// <summary>
/// Decoding within a memory bound and writing the responsive variants of an image (<see cref="Widths"/> in WebP
/// and JPEG, <c>{name}-{width}.webp|jpg</c> beside the stored image). Re-encoding from pixels drops EXIF (GPS
/// included) and anything a polyglot file carried after the image. Used by <see cref="MediaStore"/> on upload
/// and by <see cref="ImageConversion"/> for images stored before variants existed.
/// </summary>
public static class ImageVariants
{
    /// <summary>The variant widths; an image narrower than the smallest gets one variant at its own width.</summary>
    public static readonly IReadOnlyList<int> Widths = [320, 640, 1280];

    /// <summary>
    /// At most this many pixels are ever decoded (48 MB as RGBA): a larger JPEG or WebP is decoded downsampled, by
    /// the codec's own scaling or row by row with a box filter, and a larger non-interlaced PNG row by row through
    /// <see cref="PngRowReader"/>, never at full resolution. A larger GIF or interlaced PNG is refused
    /// (<see cref="CanDecodeBounded"/>): SkiaSharp decodes those whole or not at all.
    /// </summary>
    public const long MaxDecodePixels = 12_000_000;

    /// <summary>
    /// True when an image of this format and size can be decoded within <see cref="MaxDecodePixels"/>;
    /// <paramref name="header"/> is the file's start (at least 29 bytes), to tell an interlaced PNG.
    /// </summary>
    public static bool CanDecodeBounded(SKEncodedImageFormat format, SKImageInfo info, ReadOnlySpan<byte> header) =>
        (long)info.Width * info.Height <= MaxDecodePixels
        || format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp
        || (format is SKEncodedImageFormat.Png && !PngRowReader.IsInterlaced(header));

    public const int JpegQuality = 82;
    public const int WebpQuality = 80;

    /// <summary>
    /// The image's pixels, upright (the camera's EXIF orientation applied), at most <see cref="MaxDecodePixels"/>;
    /// null when the bytes cannot be decoded. <paramref name="openSource"/> opens the encoded image again, for a
    /// large PNG read row by row (without it such a PNG gives null).
    /// </summary>
    public static SKBitmap? DecodeBounded(SKCodec codec, Func<Stream>? openSource = null)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var decoded = Decode(codec, openSource);
        if (decoded is null)
        {
            return null;
        }

        var oriented = Orient(decoded, codec.EncodedOrigin);
        if (oriented is null)
        {
            return decoded;
        }

        decoded.Dispose();
        return oriented;
    }

    /// <summary>The widths to make for an image <paramref name="sourceWidth"/> wide: never wider than the source.</summary>
    public static IReadOnlyList<int> WidthsFor(int sourceWidth)
    {
        var widths = Widths.Where(w => w <= sourceWidth).ToList();
        return widths.Count > 0 ? widths : [Math.Max(1, sourceWidth)];
    }

    /// <summary>
    /// Writes the variants of the image stored as <paramref name="fileName"/> (relative to <paramref name="root"/>)
    /// from <paramref name="source"/>; returns the widths made, for <see cref="Media.VariantWidths"/>.
    /// Files are written whole then moved into place, so two instances converting the same image do no harm.
    /// </summary>
    public static async Task<IReadOnlyList<int>> WriteAsync(SKBitmap source, string root, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var widths = WidthsFor(source.Width);
        SKBitmap? previous = null;
        try
        {
            // Largest first, each from the one before: a gentle chain of halvings looks better than one big jump.
            foreach (var width in widths.OrderDescending())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = previous ?? source;
                var resized = Resize(from, width);
                var current = resized ?? from;
                await EncodeToFileAsync(current, SKEncodedImageFormat.Webp, WebpQuality, PathOf(root, ImageRef.VariantName(fileName, width, "webp")), cancellationToken);
                await EncodeToFileAsync(current, SKEncodedImageFormat.Jpeg, JpegQuality, PathOf(root, ImageRef.VariantName(fileName, width, "jpg")), cancellationToken);
                if (resized is not null)
                {
                    previous?.Dispose();
                    previous = resized;
                }
            }
        }
        finally
        {
            previous?.Dispose();
        }

        return widths;
    }

    /// <summary>A copy <paramref name="width"/> wide (proportions kept), or null when the bitmap is already that width or narrower.</summary>
    public static SKBitmap? Resize(SKBitmap source, int width)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (width >= source.Width)
        {
            return null;
        }

        var height = Math.Max(1, (int)Math.Round(source.Height * (width / (double)source.Width)));
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    /// <summary>Encodes to a temporary file then moves it into place. JPEG has no transparency: transparent pixels become white.</summary>
    public static async Task EncodeToFileAsync(SKBitmap bitmap, SKEncodedImageFormat format, int quality, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var flattened = format == SKEncodedImageFormat.Jpeg && bitmap.AlphaType != SKAlphaType.Opaque ? OnWhite(bitmap) : null;
        using var image = SKImage.FromBitmap(flattened ?? bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = File.Create(temporary))
            {
                await data.AsStream().CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A stored name as a path under the root (stored names use <c>/</c>).</summary>
    public static string PathOf(string root, string fileName) => Path.Combine(root, fileName.Replace('/', Path.DirectorySeparatorChar));

    private static SKBitmap? Decode(SKCodec codec, Func<Stream>? openSource)
    {
        var info = codec.Info;
        var pixels = (long)info.Width * info.Height;
        if (pixels <= MaxDecodePixels)
        {
            return DecodeAt(codec, new SKSizeI(info.Width, info.Height));
        }

        // JPEG decodes at 1/8…8/8 and WebP at any scale without the full-size bitmap ever existing.
        var scaled = codec.GetScaledDimensions((float)Math.Sqrt(MaxDecodePixels / (double)pixels));
        if (scaled.Width > 0 && scaled.Height > 0 && (long)scaled.Width * scaled.Height <= MaxDecodePixels)
        {
            return DecodeAt(codec, scaled);
        }

        if (codec.EncodedFormat == SKEncodedImageFormat.Png)
        {
            if (openSource is null)
            {
                return null;
            }

            using var png = openSource();
            return DecodePngByRows(png);
        }

        return DecodeByRows(codec, (int)Math.Ceiling(Math.Sqrt(pixels / (double)MaxDecodePixels)));
    }

    private static SKBitmap? DecodeAt(SKCodec codec, SKSizeI size)
    {
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>
    /// Reads <paramref name="factor"/> rows at a time and averages each <paramref name="factor"/>×<paramref name="factor"/>
    /// block into one pixel: memory is a few rows of the source plus the small result.
    /// </summary>
    private static SKBitmap? DecodeByRows(SKCodec codec, int factor)
    {
        var width = codec.Info.Width;
        var rowInfo = new SKImageInfo(width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        if (codec.StartScanlineDecode(rowInfo) != SKCodecResult.Success || codec.ScanlineOrder != SKCodecScanlineOrder.TopDown)
        {
            return null;
        }

        var rowBytes = width * 4;
        return Downsample(width, codec.Info.Height, factor, (rows, lines) =>
        {
            var handle = GCHandle.Alloc(rows, GCHandleType.Pinned);
            try
            {
                return codec.GetScanlines(handle.AddrOfPinnedObject(), lines, rowBytes);
            }
            finally
            {
                handle.Free();
            }
        });
    }

    /// <summary>A PNG larger than <see cref="MaxDecodePixels"/>, read row by row (<see cref="PngRowReader"/>) and downsampled.</summary>
    private static SKBitmap? DecodePngByRows(Stream png)
    {
        using var reader = PngRowReader.Open(png);
        if (reader is null)
        {
            return null;
        }

        var factor = (int)Math.Ceiling(Math.Sqrt((long)reader.Width * reader.Height / (double)MaxDecodePixels));
        var rowBytes = reader.Width * 4;
        return Downsample(reader.Width, reader.Height, Math.Max(1, factor), (rows, lines) =>
        {
            for (var line = 0; line < lines; line++)
            {
                if (!reader.ReadRow(rows.AsSpan(line * rowBytes, rowBytes)))
                {
                    return line;
                }
            }

            return lines;
        });
    }

    /// <summary>
    /// Box-filters an image read <paramref name="factor"/> rows at a time by <paramref name="readLines"/> (into a
    /// buffer of premultiplied RGBA rows; returns the rows read) into one of width/factor × height/factor.
    /// </summary>
    private static SKBitmap? Downsample(int width, int height, int factor, Func<byte[], int, int> readLines)
    {
        var outWidth = (width + factor - 1) / factor;
        var outHeight = (height + factor - 1) / factor;
        var result = new SKBitmap(new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var rowBytes = width * 4;
        var rows = new byte[rowBytes * factor];
        var sums = new long[outWidth * 4];
        var counts = new int[outWidth];
        var outRow = new byte[outWidth * 4];
        var target = result.GetPixels();
        for (var y = 0; y < outHeight; y++)
        {
            var lines = Math.Min(factor, height - (y * factor));
            var read = readLines(rows, lines);
            if (read <= 0)
            {
                if (y == 0)
                {
                    result.Dispose();
                    return null;
                }

                break;
            }

            Array.Clear(sums);
            Array.Clear(counts);
            for (var line = 0; line < read; line++)
            {
                var offset = line * rowBytes;
                for (var x = 0; x < width; x++)
                {
                    var o = x / factor;
                    var s = offset + (x * 4);
                    sums[o * 4] += rows[s];
                    sums[(o * 4) + 1] += rows[s + 1];
                    sums[(o * 4) + 2] += rows[s + 2];
                    sums[(o * 4) + 3] += rows[s + 3];
                    counts[o]++;
                }
            }

            for (var i = 0; i < outRow.Length; i++)
            {
                outRow[i] = (byte)(sums[i] / counts[i / 4]);
            }

            Marshal.Copy(outRow, 0, target + (y * result.RowBytes), outRow.Length);
        }

        return result;
    }

    private static SKBitmap OnWhite(SKBitmap bitmap)
    {
        var flat = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return flat;
    }

    /// <summary>Applies the camera's rotation (EXIF orientation) to the pixels, since the EXIF block itself is dropped; null when upright.</summary>
    private static SKBitmap? Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return null;
        }

        var swap = degrees != 180;
        var rotated = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return rotated;
    }
}
