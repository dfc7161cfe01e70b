namespace DoJ.Portal.Web.Videos;

/// <summary>
/// Whether bytes are an MP4 video: an ISO base media file whose first box is <c>ftyp</c> (size 8–4096, so a
/// box header and not text) naming an MP4 brand as its major brand or among its compatible brands. The name and
/// the declared type of an upload are never consulted. A QuickTime, 3GP-only or HEIF file, and anything that
/// merely ends in <c>.mp4</c>, is refused.
/// </summary>
public static class Mp4Inspector
{
    private static readonly string[] Brands = ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "mp71"];

    public static bool IsMp4(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Position = 0;
        var header = new byte[64];
        var read = 0;
        int n;
        while (read < header.Length && (n = stream.Read(header, read, header.Length - read)) > 0)
        {
            read += n;
        }

        stream.Position = 0;
        return IsMp4(header.AsSpan(0, read));
    }

    public static bool IsMp4(ReadOnlySpan<byte> header)
    {
        if (header.Length < 16 || header[4] != 'f' || header[5] != 't' || header[6] != 'y' || header[7] != 'p')
        {
            return false;
        }

        var size = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        if (size < 16 || size > 4096 || (size - 16) % 4 != 0)
        {
            return false;
        }

        if (IsBrand(header.Slice(8, 4)))
        {
            return true;
        }

        // Compatible brands follow the minor version (bytes 12–15), as far as the box and what was read go.
        var end = Math.Min(size, header.Length);
        for (var at = 16; at + 4 <= end; at += 4)
        {
            if (IsBrand(header.Slice(at, 4)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBrand(ReadOnlySpan<byte> brand)
    {
        Span<char> text = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            text[i] = (char)brand[i];
        }

        foreach (var known in Brands)
        {
            if (text.SequenceEqual(known))
            {
                return true;
            }
        }

        return false;
    }
}
