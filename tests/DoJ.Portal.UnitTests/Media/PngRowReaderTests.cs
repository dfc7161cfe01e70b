using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DoJ.Portal.Web.Media;
using SkiaSharp;

namespace DoJ.Portal.UnitTests.Media;

/// <summary>The row-by-row PNG reader gives the same pixels as SkiaSharp's whole-image decode, for every PNG kind.</summary>
public sealed class PngRowReaderTests
{
    /// <summary>colour type, bit depth, with a tRNS chunk.</summary>
    public static TheoryData<int, int, bool> Kinds() => new()
    {
        { 0, 1, false }, { 0, 2, false }, { 0, 4, false }, { 0, 8, false }, { 0, 16, false }, { 0, 8, true },
        { 2, 8, false }, { 2, 16, false }, { 2, 8, true },
        { 3, 1, false }, { 3, 2, false }, { 3, 4, true }, { 3, 8, true },
        { 4, 8, false }, { 4, 16, false },
        { 6, 8, false }, { 6, 16, false },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_colour_type_and_depth_reads_as_SkiaSharp_decodes_it(int colorType, int depth, bool transparency)
    {
        var png = TestPng.Random(37, 23, colorType, depth, transparency, seed: (colorType * 100) + depth);

        using var expected = SKBitmap.Decode(png, new SKImageInfo(37, 23, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var reader = PngRowReader.Open(new MemoryStream(png));

        Assert.NotNull(expected);
        Assert.NotNull(reader);
        Assert.Equal((37, 23), (reader.Width, reader.Height));
        var row = new byte[37 * 4];
        for (var y = 0; y < 23; y++)
        {
            Assert.True(reader.ReadRow(row), $"row {y}");
            for (var x = 0; x < 37; x++)
            {
                var pixel = expected.GetPixel(x, y);
                var premultiplied = SKPMColor.PreMultiply(pixel);
                var actual = row.AsSpan(x * 4, 4).ToArray();
                Assert.True(Close(actual[3], pixel.Alpha) && Close(actual[0], premultiplied.Red) && Close(actual[1], premultiplied.Green) && Close(actual[2], premultiplied.Blue),
                    $"({x},{y}): read {string.Join(",", actual)}, SkiaSharp {premultiplied.Red},{premultiplied.Green},{premultiplied.Blue},{pixel.Alpha}");
            }
        }

        Assert.False(reader.ReadRow(row));
    }

    [Fact]
    public void Image_data_split_over_many_chunks_reads_whole()
    {
        var png = TestPng.Random(50, 40, 6, 8, false, seed: 7, idatChunk: 97);
        using var expected = SKBitmap.Decode(png, new SKImageInfo(50, 40, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var reader = PngRowReader.Open(new MemoryStream(png));

        Assert.NotNull(reader);
        var row = new byte[50 * 4];
        for (var y = 0; y < 40; y++)
        {
            Assert.True(reader.ReadRow(row));
        }

        var last = SKPMColor.PreMultiply(expected.GetPixel(49, 39));
        Assert.Equal(last.Red, row[(49 * 4)]);
    }

    [Fact]
    public void Interlaced_truncated_or_foreign_files_are_not_read()
    {
        var interlaced = TestPng.Random(10, 10, 2, 8, false, seed: 1, interlaced: true);
        Assert.True(PngRowReader.IsInterlaced(interlaced));
        Assert.Null(PngRowReader.Open(new MemoryStream(interlaced)));

        var good = TestPng.Random(10, 10, 2, 8, false, seed: 1);
        Assert.False(PngRowReader.IsInterlaced(good));
        Assert.Null(PngRowReader.Open(new MemoryStream(good[..20])));
        Assert.Null(PngRowReader.Open(new MemoryStream("GIF89a not a png at all"u8.ToArray())));

        // Image data cut short: the rows that are there are read, then the reader says no.
        using var cut = PngRowReader.Open(new MemoryStream(good[..(good.Length - 40)]));
        Assert.NotNull(cut);
        var row = new byte[40];
        var rows = 0;
        while (cut.ReadRow(row))
        {
            rows++;
        }

        Assert.InRange(rows, 0, 9);
    }

    [Fact]
    public void A_forty_megapixel_PNG_is_decoded_downsampled_within_the_bound()
    {
        var png = TestPng.Flat(8000, 5000, 30, 90, 160);
        using var codec = SKCodec.Create(new SKMemoryStream(png));

        Assert.True(ImageVariants.CanDecodeBounded(SKEncodedImageFormat.Png, codec.Info, png));
        using var bitmap = ImageVariants.DecodeBounded(codec, () => new MemoryStream(png));

        Assert.NotNull(bitmap);
        Assert.True((long)bitmap.Width * bitmap.Height <= ImageVariants.MaxDecodePixels);
        Assert.Equal(8000 / 2, bitmap.Width);
        var middle = bitmap.GetPixel(bitmap.Width / 2, bitmap.Height / 2);
        Assert.Equal((30, 90, 160), (middle.Red, middle.Green, middle.Blue));
    }

    [Fact]
    public void Large_GIF_and_interlaced_PNG_are_said_to_be_undecodable_before_decoding()
    {
        var interlaced = TestPng.Random(10, 10, 2, 8, false, seed: 1, interlaced: true);
        Assert.False(ImageVariants.CanDecodeBounded(SKEncodedImageFormat.Gif, new SKImageInfo(8000, 5000), []));
        Assert.False(ImageVariants.CanDecodeBounded(SKEncodedImageFormat.Png, new SKImageInfo(8000, 5000), interlaced));
        Assert.True(ImageVariants.CanDecodeBounded(SKEncodedImageFormat.Png, new SKImageInfo(4000, 3000), interlaced));
        Assert.True(ImageVariants.CanDecodeBounded(SKEncodedImageFormat.Gif, new SKImageInfo(4000, 3000), []));
    }

    private static bool Close(byte a, byte b) => Math.Abs(a - b) <= 1;
}

/// <summary>Writes PNG files of any colour type and depth, with every row filter used, for the reader's tests.</summary>
internal static class TestPng
{
    public static byte[] Random(int width, int height, int colorType, int depth, bool transparency, int seed, bool interlaced = false, int idatChunk = int.MaxValue)
    {
        var random = new Random(seed);
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var rowBytes = ((width * channels * depth) + 7) / 8;
        var raw = new byte[height * rowBytes];
        random.NextBytes(raw);
        if (colorType == 3)
        {
            // Indexes below 2^depth fit the palette written below; 8-bit ones are kept under its 200 entries.
            if (depth == 8)
            {
                for (var i = 0; i < raw.Length; i++)
                {
                    raw[i] = (byte)(raw[i] % 200);
                }
            }
        }

        if (transparency && colorType is 0 or 2)
        {
            // Make some pixels equal to the colour key (the first pixel's value).
            for (var y = 0; y < height; y += 3)
            {
                raw.AsSpan(0, Math.Min(rowBytes, channels * depth / 8)).CopyTo(raw.AsSpan(y * rowBytes));
            }
        }

        var filtered = new MemoryStream();
        var previous = new byte[rowBytes];
        var stride = Math.Max(1, channels * depth / 8);
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan(y * rowBytes, rowBytes).ToArray();
            var type = (byte)(y % 5);
            filtered.WriteByte(type);
            filtered.Write(Filter(type, row, previous, stride));
            previous = row;
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = (byte)depth;
        header[9] = (byte)colorType;
        header[12] = (byte)(interlaced ? 1 : 0);
        Chunk(png, "IHDR", header);
        if (colorType == 3)
        {
            var palette = new byte[3 * (depth == 8 ? 200 : 1 << depth)];
            random.NextBytes(palette);
            Chunk(png, "PLTE", palette);
            if (transparency)
            {
                var alpha = new byte[Math.Min(palette.Length / 3, 7)];
                random.NextBytes(alpha);
                Chunk(png, "tRNS", alpha);
            }
        }
        else if (transparency)
        {
            var key = new byte[colorType == 0 ? 2 : 6];
            for (var c = 0; c < key.Length / 2; c++)
            {
                // 8-bit keys are stored as 16-bit values.
                key[(c * 2) + 1] = raw[c];
            }

            Chunk(png, "tRNS", key);
        }

        Chunk(png, "tEXt", Encoding.ASCII.GetBytes("Comment\0a chunk the reader skips"));
        var compressed = Compress(filtered.ToArray());
        for (var offset = 0; offset < compressed.Length; offset += idatChunk)
        {
            Chunk(png, "IDAT", compressed.AsSpan(offset, Math.Min(idatChunk, compressed.Length - offset)).ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An RGB image of one colour, compressed small (a 40-megapixel one is a few hundred kilobytes).</summary>
    public static byte[] Flat(int width, int height, byte red, byte green, byte blue)
    {
        var row = new byte[1 + (width * 3)];
        for (var x = 0; x < width; x++)
        {
            row[1 + (x * 3)] = red;
            row[2 + (x * 3)] = green;
            row[3 + (x * 3)] = blue;
        }

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Filter(byte type, byte[] row, byte[] above, int stride)
    {
        var result = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= stride ? row[i - stride] : 0, b = above[i], c = i >= stride ? above[i - stride] : 0;
            var predictor = type switch
            {
                1 => a,
                2 => b,
                3 => (a + b) >> 1,
                4 => Paeth(a, b, c),
                _ => 0,
            };
            result[i] = (byte)(row[i] - predictor);
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void Chunk(Stream target, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        target.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        target.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        target.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
