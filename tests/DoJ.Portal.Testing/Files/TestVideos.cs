using System.Text;

namespace DoJ.Portal.Testing.Files;

/// <summary>Bytes that look like what editors upload as videos.</summary>
public static class TestVideos
{
    /// <summary>
    /// An ISO BMFF file as an encoder starts one: an <c>ftyp</c> box (<paramref name="major"/> and the compatible
    /// brands), then an <c>mdat</c> box filled up to <paramref name="size"/> bytes. Not playable, but an MP4 by its bytes.
    /// </summary>
    public static byte[] Mp4(int size = 4096, string major = "isom", params string[] compatible)
    {
        string[] brands = compatible.Length == 0 ? ["isom", "iso2", "avc1", "mp41"] : compatible;
        var ftyp = new List<byte>();
        ftyp.AddRange(BigEndian(16 + (4 * brands.Length)));
        ftyp.AddRange(Encoding.ASCII.GetBytes("ftyp" + major));
        ftyp.AddRange(BigEndian(0x200));
        foreach (var brand in brands)
        {
            ftyp.AddRange(Encoding.ASCII.GetBytes(brand));
        }

        var rest = Math.Max(8, size - ftyp.Count);
        var bytes = new byte[ftyp.Count + rest];
        ftyp.CopyTo(bytes);
        BigEndian(rest).CopyTo(bytes, ftyp.Count);
        Encoding.ASCII.GetBytes("mdat").CopyTo(bytes, ftyp.Count + 4);
        for (var i = ftyp.Count + 8; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }

        return bytes;
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
