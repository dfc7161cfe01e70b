using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Citizens;

namespace DoJ.Portal.UnitTests.Citizens;

public sealed class DraftCommentFormTests
{
    private static DraftCommentInput Valid() => new()
    {
        Name = "Nguyễn Văn Mẫu",
        Email = "mau@example.invalid",
        Body = "Đề nghị làm rõ thời hạn báo cáo tại mục III của dự thảo.",
        Consent = true,
    };

    private static List<string> Fields(DraftCommentInput input) => DraftCommentIntake.Check(input).Select(r => r.Field).ToList();

    [Fact]
    public void A_complete_comment_with_an_email_or_a_phone_passes()
    {
        Assert.Empty(DraftCommentIntake.Check(Valid()));
        var byPhone = Valid();
        byPhone.Email = null;
        byPhone.Phone = "+84 912 345 678";
        Assert.Empty(DraftCommentIntake.Check(byPhone));
    }

    [Fact]
    public void Without_any_contact_the_comment_is_refused_with_a_Vietnamese_reason()
    {
        var input = Valid();
        input.Email = " ";
        var refusal = Assert.Single(DraftCommentIntake.Check(input));
        Assert.Equal(nameof(input.Email), refusal.Field);
        Assert.Contains("ít nhất một", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_consent_the_comment_is_refused()
    {
        var input = Valid();
        input.Consent = false;
        Assert.Equal([nameof(input.Consent)], Fields(input));
    }

    [Fact]
    public void A_text_over_the_limit_is_refused_and_one_at_the_limit_passes()
    {
        var input = Valid();
        input.Body = new string('a', DocumentComment.BodyMaxLength);
        Assert.Empty(DraftCommentIntake.Check(input));
        input.Body = new string('a', DocumentComment.BodyMaxLength + 1);
        var refusal = Assert.Single(DraftCommentIntake.Check(input));
        Assert.Contains("tối đa 8.000 ký tự", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_email_or_phone_a_missing_name_and_an_empty_text_are_each_named()
    {
        var input = new DraftCommentInput { Email = "khong-phai-email", Phone = "12345", Body = "ngắn", Organisation = new string('x', 201), Consent = true };
        Assert.Equal([nameof(input.Name), nameof(input.Organisation), nameof(input.Email), nameof(input.Phone), nameof(input.Body)], Fields(input));
    }
}
