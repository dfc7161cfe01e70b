using System.Buffers.Binary;
using System.IO.Compression;

namespace DoJ.Portal.Web.Media;

/// <summary>
/// Reads a non-interlaced PNG one row at a time as premultiplied RGBA, so an image larger than
/// <see cref="ImageVariants.MaxDecodePixels"/> can be downsampled without its full-size bitmap ever existing
/// (SkiaSharp's PNG codec decodes a whole image or nothing). Every colour type and bit depth of the PNG
/// specification is read; colour profiles and gamma are ignored (the result is a small web variant). Interlaced
/// (Adam7) images are not read row by row: <see cref="Open"/> returns null for them.
/// </summary>
public sealed class PngRowReader : IDisposable
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ZLibStream inflater;
    private readonly int bitDepth;
    private readonly int colorType;
    private readonly int channels;
    private readonly int filterStride;
    private readonly byte[] palette;
    private readonly byte[]? transparency;
    private byte[] current;
    private byte[] previous;
    private int rowsRead;

    private PngRowReader(Stream idat, int width, int height, int bitDepth, int colorType, byte[] palette, byte[]? transparency)
    {
        Width = width;
        Height = height;
        this.bitDepth = bitDepth;
        this.colorType = colorType;
        this.palette = palette;
        this.transparency = transparency;
        channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        filterStride = Math.Max(1, channels * bitDepth / 8);
        var rowBytes = checked((int)(((long)width * channels * bitDepth + 7) / 8));
        current = new byte[rowBytes];
        previous = new byte[rowBytes];
        inflater = new ZLibStream(idat, CompressionMode.Decompress);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>
    /// A reader positioned at the first row, or null when <paramref name="png"/> is not a PNG this reader handles
    /// (bad signature or header, interlaced, missing palette, no image data). The stream is read forward only.
    /// </summary>
    public static PngRowReader? Open(Stream png)
    {
        ArgumentNullException.ThrowIfNull(png);
        Span<byte> signature = stackalloc byte[8];
        if (!TryFill(png, signature) || !signature.SequenceEqual(Signature))
        {
            return null;
        }

        int width = 0, height = 0, depth = 0, type = -1;
        var palette = Array.Empty<byte>();
        byte[]? transparency = null;
        Span<byte> header = stackalloc byte[8];
        while (TryFill(png, header))
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(header);
            var kind = System.Text.Encoding.ASCII.GetString(header[4..]);
            if (length < 0)
            {
                return null;
            }

            if (kind == "IDAT")
            {
                return type < 0 || (type == 3 && palette.Length == 0)
                    ? null
                    : new PngRowReader(new IdatStream(png, length), width, height, depth, type, palette, transparency);
            }

            if (kind == "IEND")
            {
                return null;
            }

            if (kind is "IHDR" or "PLTE" or "tRNS")
            {
                if (length > 1024)
                {
                    return null;
                }

                var data = new byte[length];
                if (!TryFill(png, data) || !TrySkip(png, 4))
                {
                    return null;
                }

                if (kind == "IHDR")
                {
                    if (length != 13)
                    {
                        return null;
                    }

                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
                    depth = data[8];
                    type = data[9];
                    if (width <= 0 || height <= 0 || data[10] != 0 || data[11] != 0 || data[12] != 0 || !IsValid(type, depth))
                    {
                        // Compression and filter method 0 only; interlace method 1 (Adam7) is not read row by row.
                        return null;
                    }
                }
                else if (kind == "PLTE")
                {
                    palette = data;
                }
                else
                {
                    transparency = data;
                }
            }
            else if (!TrySkip(png, (long)length + 4))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>True for a PNG whose header says interlaced (Adam7); reads the first 29 bytes only.</summary>
    public static bool IsInterlaced(ReadOnlySpan<byte> png) =>
        png.Length >= 29 && png[..8].SequenceEqual(Signature) && png[12..16].SequenceEqual("IHDR"u8) && png[28] == 1;

    /// <summary>Reads the next row into <paramref name="rgba"/> (Width × 4 bytes, premultiplied RGBA); false at the end or on damaged data.</summary>
    public bool ReadRow(Span<byte> rgba)
    {
        if (rowsRead >= Height || rgba.Length < Width * 4)
        {
            return false;
        }

        (current, previous) = (previous, current);
        Span<byte> filter = stackalloc byte[1];
        try
        {
            if (!TryFill(inflater, filter) || filter[0] > 4 || !TryFill(inflater, current))
            {
                return false;
            }
        }
        catch (InvalidDataException)
        {
            return false;
        }

        Unfilter(filter[0], current, previous, filterStride);
        Expand(rgba);
        rowsRead++;
        return true;
    }

    public void Dispose() => inflater.Dispose();

    private static bool IsValid(int type, int depth) => type switch
    {
        0 => depth is 1 or 2 or 4 or 8 or 16,
        3 => depth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => depth is 8 or 16,
        _ => false,
    };

    private static void Unfilter(byte type, Span<byte> row, ReadOnlySpan<byte> above, int stride)
    {
        switch (type)
        {
            case 1:
                for (var i = stride; i < row.Length; i++)
                {
                    row[i] += row[i - stride];
                }

                break;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += above[i];
                }

                break;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= stride ? row[i - stride] : 0;
                    row[i] += (byte)((left + above[i]) >> 1);
                }

                break;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    int a = i >= stride ? row[i - stride] : 0, b = above[i], c = i >= stride ? above[i - stride] : 0;
                    int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                    row[i] += (byte)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }

                break;
        }
    }

    /// <summary>Sample <paramref name="index"/> of the row (0…2^depth−1), for depths up to 8; the high byte for 16.</summary>
    private int Sample(int index)
    {
        switch (bitDepth)
        {
            case 16:
                return current[index * 2];
            case 8:
                return current[index];
            default:
                var bit = index * bitDepth;
                var shift = 8 - bitDepth - (bit & 7);
                return (current[bit >> 3] >> shift) & ((1 << bitDepth) - 1);
        }
    }

    /// <summary>The full 16-bit (or 8-bit) sample, to compare with a tRNS colour key.</summary>
    private int RawSample(int index) =>
        bitDepth == 16 ? (current[index * 2] << 8) | current[(index * 2) + 1] : Sample(index);

    private int KeyOf(int channel) => transparency is { } t && t.Length >= (channel * 2) + 2
        ? BinaryPrimitives.ReadUInt16BigEndian(t.AsSpan(channel * 2))
        : -1;

    private void Expand(Span<byte> rgba)
    {
        var scale = bitDepth < 8 ? 255 / ((1 << bitDepth) - 1) : 1;
        for (var x = 0; x < Width; x++)
        {
            int r, g, b, a = 255;
            switch (colorType)
            {
                case 0:
                    r = g = b = Sample(x) * scale;
                    if (transparency is not null && RawSample(x) == KeyOf(0))
                    {
                        a = 0;
                    }

                    break;
                case 2:
                    r = Sample(x * 3);
                    g = Sample((x * 3) + 1);
                    b = Sample((x * 3) + 2);
                    if (transparency is not null && RawSample(x * 3) == KeyOf(0) && RawSample((x * 3) + 1) == KeyOf(1) && RawSample((x * 3) + 2) == KeyOf(2))
                    {
                        a = 0;
                    }

                    break;
                case 3:
                    var entry = Sample(x);
                    if (entry * 3 + 2 < palette.Length)
                    {
                        r = palette[entry * 3];
                        g = palette[(entry * 3) + 1];
                        b = palette[(entry * 3) + 2];
                    }
                    else
                    {
                        r = g = b = 0;
                    }

                    if (transparency is not null && entry < transparency.Length)
                    {
                        a = transparency[entry];
                    }

                    break;
                case 4:
                    r = g = b = Sample(x * 2);
                    a = Sample((x * 2) + 1);
                    break;
                default:
                    r = Sample(x * 4);
                    g = Sample((x * 4) + 1);
                    b = Sample((x * 4) + 2);
                    a = Sample((x * 4) + 3);
                    break;
            }

            var o = x * 4;
            rgba[o] = (byte)Premultiply(r, a);
            rgba[o + 1] = (byte)Premultiply(g, a);
            rgba[o + 2] = (byte)Premultiply(b, a);
            rgba[o + 3] = (byte)a;
        }
    }

    private static int Premultiply(int color, int alpha) => alpha == 255 ? color : ((color * alpha) + 127) / 255;

    private static bool TryFill(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                return false;
            }

            total += read;
        }

        return true;
    }

    private static bool TrySkip(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
            {
                return false;
            }

            stream.Seek(count, SeekOrigin.Current);
            return true;
        }

        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            var read = stream.Read(scratch[..(int)Math.Min(scratch.Length, count)]);
            if (read == 0)
            {
                return false;
            }

            count -= read;
        }

        return true;
    }

    /// <summary>The concatenated data of consecutive IDAT chunks, read forward from the PNG stream (CRCs skipped).</summary>
    private sealed class IdatStream(Stream png, int firstLength) : Stream
    {
        private int left = firstLength;
        private bool ended;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (left == 0)
            {
                if (ended || !NextChunk())
                {
                    ended = true;
                    return 0;
                }
            }

            var read = png.Read(buffer[..Math.Min(buffer.Length, left)]);
            if (read == 0)
            {
                ended = true;
                return 0;
            }

            left -= read;
            return read;
        }

        private bool NextChunk()
        {
            Span<byte> header = stackalloc byte[12];
            // The previous chunk's CRC, then the next chunk's length and type.
            if (!TryFill(png, header))
            {
                return false;
            }

            left = BinaryPrimitives.ReadInt32BigEndian(header[4..]);
            return left >= 0 && header[8..12].SequenceEqual("IDAT"u8);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            // The PNG stream belongs to the caller.
            base.Dispose(disposing);
        }
    }
}
