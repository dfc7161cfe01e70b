using DoJ.Portal.Domain.Content;
using DoJ.Portal.Web.Editing;
using DoJ.Portal.Web.Models;

namespace DoJ.Portal.UnitTests.Editing;

public sealed class AlbumEditorTests
{
    [Theory]
    [InlineData("1:len", "b,a,c")]
    [InlineData("1:xuong", "a,c,b")]
    [InlineData("0:len", "a,b,c")]
    [InlineData("2:xuong", "a,b,c")]
    [InlineData("9:len", "a,b,c")]
    [InlineData("x:len", "a,b,c")]
    [InlineData("1:ngang", "a,b,c")]
    [InlineData(null, "a,b,c")]
    public void A_move_swaps_the_row_with_its_neighbour_and_anything_else_keeps_the_order(string? move, string expected)
    {
        Assert.Equal(expected, string.Join(',', AlbumEditor.Moved(["a", "b", "c"], move)));
    }

    [Theory]
    [InlineData("2:len", 3, 1)]
    [InlineData("0:xuong", 3, 1)]
    [InlineData("0:len", 3, 0)]
    [InlineData("2:xuong", 3, 2)]
    public void The_form_returns_to_where_the_moved_row_went(string move, int count, int expected)
    {
        Assert.Equal(expected, AlbumEditor.MovedTo(move, count));
    }

    [Fact]
    public void Not_a_move_has_no_anchor()
    {
        Assert.Null(AlbumEditor.MovedTo(null, 3));
        Assert.Null(AlbumEditor.MovedTo("luu", 3));
    }

    [Fact]
    public void An_album_without_photos_cannot_be_published()
    {
        Assert.Equal("Không thể xuất bản: album chưa có ảnh nào.", AlbumEditor.PublishRefusal([]));
    }

    [Fact]
    public void Publishing_names_every_photo_without_alt_text()
    {
        var refusal = AlbumEditor.PublishRefusal(["Toàn cảnh hội nghị", "", "  ", null]);

        Assert.NotNull(refusal);
        Assert.Contains("ảnh số 2, 3, 4 chưa có mô tả ảnh (alt)", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Photos_that_all_have_alt_text_may_be_published()
    {
        Assert.Null(AlbumEditor.PublishRefusal(["Đại biểu dự hội nghị", "Lãnh đạo Sở phát biểu"]));
    }

    [Theory]
    [InlineData("20/11/2026", 2026, 11, 20)]
    [InlineData("2026-11-20", 2026, 11, 20)]
    [InlineData(" 01/02/2026 ", 2026, 2, 1)]
    public void The_date_is_read_as_a_person_or_a_date_field_writes_it(string text, int year, int month, int day)
    {
        Assert.True(AlbumEditor.TryParseDay(text, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("20/11/99999")]
    [InlineData("hôm qua")]
    [InlineData("")]
    public void An_impossible_date_is_refused(string text)
    {
        Assert.False(AlbumEditor.TryParseDay(text, out _));
    }

    [Fact]
    public void The_large_image_is_the_widest_JPEG_variant_or_the_stored_image_before_variants_exist()
    {
        Assert.Equal("/media/2026/11/abc-1280.jpg", AlbumImages.Large(new ImageRef(1, "2026/11/abc.webp", 1600, 1200, "320,1280,640")));
        Assert.Equal("/media/2026/11/abc.webp", AlbumImages.Large(new ImageRef(1, "2026/11/abc.webp", 1600, 1200, "")));
    }
}
