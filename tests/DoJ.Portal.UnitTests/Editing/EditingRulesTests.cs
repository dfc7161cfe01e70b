using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.UnitTests.Editing;

public sealed class EditingRulesTests
{
    private static Func<string, Task<bool>> Taken(params string[] slugs) => s => Task.FromResult(slugs.Contains(s));

    [Fact]
    public async Task An_empty_slug_is_made_from_the_title_and_numbered_until_free()
    {
        var (slug, invalid) = await SlugRules.ChooseAsync("Liên hệ", "  ", 100, Taken("lien-he", "lien-he-2"), "taken");

        Assert.Null(invalid);
        Assert.Equal("lien-he-3", slug);
    }

    [Fact]
    public async Task A_numbered_slug_stays_within_the_limit()
    {
        var slug = await SlugRules.UniqueAsync("abcdefghij", 10, Taken("abcdefghij"));

        Assert.Equal("abcdefgh-2", slug);
    }

    [Theory]
    [InlineData("Lien-He")]
    [InlineData("lien--he")]
    [InlineData("-lien-he")]
    [InlineData("liên-hệ")]
    [InlineData("lien he")]
    public async Task A_malformed_slug_is_refused_with_a_message_on_the_slug_field(string requested)
    {
        var (_, invalid) = await SlugRules.ChooseAsync("Liên hệ", requested, 100, Taken(), "taken");

        Assert.Equal(SlugRules.SlugField, invalid?.Field);
        Assert.Equal(EditOutcome.Invalid, invalid!.Outcome);
    }

    [Fact]
    public async Task A_requested_slug_that_is_taken_is_refused_rather_than_renumbered()
    {
        var (_, invalid) = await SlugRules.ChooseAsync("Liên hệ", "lien-he", 100, Taken("lien-he"), "Đường dẫn này đã được trang khác sử dụng.");

        Assert.Equal("Đường dẫn này đã được trang khác sử dụng.", invalid?.Error);
    }

    [Fact]
    public async Task A_title_without_letters_or_digits_is_refused()
    {
        var (_, invalid) = await SlugRules.ChooseAsync("– ? –", null, 100, Taken(), "taken");

        Assert.Equal(SlugRules.TitleField, invalid?.Field);
    }

    [Fact]
    public void The_audit_diff_holds_only_the_fields_that_changed()
    {
        var before = new Dictionary<string, string?> { ["Tiêu đề"] = "Cũ", ["Ngôn ngữ"] = "vi", ["Nội dung"] = "<p>x</p>" };
        var after = new Dictionary<string, string?> { ["Tiêu đề"] = "Mới", ["Ngôn ngữ"] = "vi", ["Nội dung"] = "<p>x</p>" };

        var diff = FieldDiff.Between(before, after);

        Assert.Equal(["Tiêu đề"], diff.Keys);
        Assert.Equal(("Cũ", "Mới"), ((string?)diff["Tiêu đề"].Item1, (string?)diff["Tiêu đề"].Item2));
        Assert.Equal(["Tiêu đề", "Ngôn ngữ", "Nội dung"], FieldDiff.Deleted(before).Keys);
        Assert.All(FieldDiff.Created(after).Values, v => Assert.Null(v.Item1));
    }

    [Fact]
    public void The_conflict_table_lists_where_the_stale_form_differs_from_the_saved_record()
    {
        var theirs = new Dictionary<string, string?> { ["Tiêu đề"] = "Bản đã lưu", ["Tóm tắt"] = null };
        var yours = new Dictionary<string, string?> { ["Tiêu đề"] = "Bản của tôi", ["Tóm tắt"] = "" };

        var changes = FieldDiff.Conflicts(theirs, yours);

        Assert.Equal([new FieldChange("Tiêu đề", "Bản đã lưu", "Bản của tôi")], changes);
    }

    [Theory]
    [InlineData("bien-tap@stp.example.vn")]
    [InlineData("admin@localhost")]
    [InlineData("Nguyễn Văn A (nguyenvana@stp.example.vn)")]
    [InlineData("Nguyễn Văn A <a@b.vn>")]
    public void A_byline_holding_an_email_address_is_refused(string author) => Assert.True(Byline.HoldsEmailAddress(author));

    [Theory]
    [InlineData("Phòng Phổ biến giáo dục pháp luật")]
    [InlineData("Nguyễn Thị Biên Tập")]
    [InlineData("Quản trị viên")]
    [InlineData("")]
    public void A_name_is_a_byline(string author) => Assert.False(Byline.HoldsEmailAddress(author));
}
