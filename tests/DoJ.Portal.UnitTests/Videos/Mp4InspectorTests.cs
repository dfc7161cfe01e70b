using System.Text;
using DoJ.Portal.Testing.Files;
using DoJ.Portal.Web.Videos;

namespace DoJ.Portal.UnitTests.Videos;

public sealed class Mp4InspectorTests
{
    private static bool IsMp4(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Mp4Inspector.IsMp4(stream);
    }

    [Fact]
    public void An_ISO_base_media_file_with_an_MP4_brand_is_an_MP4() => Assert.True(IsMp4(TestVideos.Mp4()));

    [Theory]
    [InlineData("mp42")]
    [InlineData("avc1")]
    [InlineData("iso5")]
    public void A_compatible_MP4_brand_is_enough_when_the_major_brand_is_another(string brand) =>
        Assert.True(IsMp4(TestVideos.Mp4(4096, "XAVC", "XAVC", brand)));

    [Fact]
    public void A_QuickTime_movie_is_not_an_MP4() => Assert.False(IsMp4(TestVideos.Mp4(4096, "qt  ", "qt  ")));

    [Fact]
    public void A_HEIF_image_is_not_an_MP4() => Assert.False(IsMp4(TestVideos.Mp4(4096, "heic", "mif1", "heic")));

    [Fact]
    public void A_PDF_named_mp4_is_not_an_MP4() => Assert.False(IsMp4(TestFiles.Pdf("Khong phai video")));

    [Fact]
    public void Text_that_mentions_ftyp_is_not_an_MP4() => Assert.False(IsMp4(Encoding.ASCII.GetBytes("abcdftypisom and more text to fill sixteen")));

    [Fact]
    public void A_box_size_that_cannot_be_a_header_is_refused()
    {
        var bytes = TestVideos.Mp4();
        bytes[0] = 0x7f;
        Assert.False(IsMp4(bytes));
    }

    [Fact]
    public void Empty_and_short_files_are_refused()
    {
        Assert.False(IsMp4([]));
        Assert.False(IsMp4(TestVideos.Mp4()[..12]));
    }

    [Fact]
    public void The_stream_is_left_at_its_start_for_whoever_reads_it_next()
    {
        using var stream = new MemoryStream(TestVideos.Mp4());
        Mp4Inspector.IsMp4(stream);
        Assert.Equal(0, stream.Position);
    }
}
