using DoJ.Portal.Web.Security;

namespace DoJ.Portal.UnitTests.Videos;

/// <summary>A YouTube player reaches a page only through a video's own page: never through an article body.</summary>
public sealed class EmbedSanitizerTests
{
    [Theory]
    [InlineData("<p>Xem video</p><iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" allowfullscreen></iframe>")]
    [InlineData("<p>Xem video</p><iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"YouTube video player\" frameborder=\"0\"></iframe>")]
    [InlineData("<p>Xem video</p><div><iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe></div>")]
    [InlineData("<p>Xem video</p><object data=\"https://www.youtube.com/v/dQw4w9WgXcQ\"></object><embed src=\"https://www.youtube.com/v/dQw4w9WgXcQ\">")]
    public void An_embedded_player_pasted_into_a_body_is_removed(string body)
    {
        var clean = new ContentSanitizer().Sanitize(body);

        Assert.DoesNotContain("<iframe", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<object", clean, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<embed", clean, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>Xem video</p>", clean, StringComparison.Ordinal);
    }
}
