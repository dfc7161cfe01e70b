using DoJ.Portal.Domain.Gallery;

namespace DoJ.Portal.UnitTests.Videos;

public sealed class YouTubeAddressTests
{
    [Theory]
    [InlineData("dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42s")]
    [InlineData("http://youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=abc&t=10")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/live/dQw4w9WgXcQ?feature=share")]
    [InlineData("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0")]
    [InlineData("  https://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ  ")]
    public void Every_usual_form_of_a_YouTube_address_gives_the_id(string address)
    {
        Assert.True(YouTubeAddress.TryParse(address, out var id));
        Assert.Equal("dQw4w9WgXcQ", id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("javascript:alert(1)")]
    [InlineData("javascript://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("data:text/html,<iframe src=https://www.youtube.com/embed/dQw4w9WgXcQ>")]
    [InlineData("https://evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtube.com.evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com@evil.example/embed/dQw4w9WgXcQ")]
    [InlineData("https://user@www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com:8443/embed/dQw4w9WgXcQ")]
    [InlineData("ftp://www.youtube.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXc\"onload=\"x")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgX'Q")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9<gXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQx")]
    [InlineData("https://www.youtube.com/watch?v=short")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ/../../evil")]
    [InlineData("https://www.youtube.com/channel/UCdQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/playlist?list=dQw4w9WgXcQ")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>")]
    [InlineData("dQw4w9WgXc\"")]
    [InlineData("dQw4w9WgXc ")]
    public void Anything_else_is_refused(string? address)
    {
        Assert.False(YouTubeAddress.TryParse(address, out var id));
        Assert.Equal("", id);
    }

    [Fact]
    public void The_player_is_the_privacy_enhanced_one_built_from_the_id() =>
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", YouTubeAddress.EmbedUrl("dQw4w9WgXcQ"));

    [Fact]
    public void An_id_is_eleven_letters_digits_dashes_or_underscores()
    {
        Assert.True(YouTubeAddress.IsId("a-b_c1234Z9"));
        Assert.False(YouTubeAddress.IsId("a-b_c1234Z"));
        Assert.False(YouTubeAddress.IsId("a-b_c1234Z9\u0000"));
        Assert.False(YouTubeAddress.IsId("a-b_c1234Zđ"));
    }
}
