using DoJ.Portal.Data.Repositories;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Web.Citizens;
using DoJ.Portal.Web.Models;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DoJ.Portal.UnitTests.Citizens;

public sealed class TrackingCodeTests
{
    [Fact]
    public void A_new_code_has_the_set_length_and_only_unambiguous_characters()
    {
        foreach (var _ in Enumerable.Range(0, 200))
        {
            var code = TrackingCode.New();
            Assert.Equal(Question.TrackingCodeLength, code.Length);
            Assert.All(code, c => Assert.Contains(c, TrackingCode.Alphabet));
        }

        Assert.All("0O1IL2Z5S8BUV", c => Assert.DoesNotContain(c, TrackingCode.Alphabet));
    }

    [Fact]
    public void Ten_thousand_new_codes_are_all_different()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(10_000, codes.Count);
    }

    [Theory]
    [InlineData("K7M2Q9X4PA", null)]
    [InlineData("K7MHQ9X4PA", "K7MHQ9X4PA")]
    [InlineData(" k7mhq 9x4pa ", "K7MHQ9X4PA")]
    [InlineData("K7MHQ-9X4PA", "K7MHQ9X4PA")]
    [InlineData("K7MHQ9X4P", null)]
    [InlineData("K7MHQ9X4PAA", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("<script>", null)]
    public void Typed_input_is_normalized_or_refused(string? typed, string? expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(typed));
}

public sealed class QuestionFormRulesTests
{
    private static readonly QuestionField[] Fields = [new(7, "Hộ tịch", "ho-tich")];

    private static AskQuestionForm Valid() => new()
    {
        Name = "Nguyễn Văn An",
        Email = "an@example.vn",
        FieldId = 7,
        Title = "Đăng ký khai sinh quá hạn",
        Body = "Con tôi được 3 tháng tuổi, chưa đăng ký khai sinh thì phải làm gì?",
        Consent = true,
    };

    [Fact]
    public void A_complete_form_passes_and_gives_the_normalized_contacts()
    {
        var errors = new ModelStateDictionary();
        var form = Valid();
        form.Phone = "+84 912 345 678";
        var (email, phone) = QuestionIntake.Check(form, Fields, errors);
        Assert.True(errors.IsValid);
        Assert.Equal("an@example.vn", email);
        Assert.Equal("0912345678", phone);
    }

    [Theory]
    [InlineData("no-contact", "Email")]
    [InlineData("bad-email", "Email")]
    [InlineData("bad-phone", "Phone")]
    [InlineData("no-consent", "Consent")]
    [InlineData("unknown-field", "FieldId")]
    public void Each_broken_rule_is_reported_under_its_field(string broken, string key)
    {
        var form = Valid();
        switch (broken)
        {
            case "no-contact": form.Email = null; form.Phone = " "; break;
            case "bad-email": form.Email = "an@"; break;
            case "bad-phone": form.Phone = "12345"; break;
            case "no-consent": form.Consent = false; break;
            default: form.FieldId = 8; break;
        }

        var errors = new ModelStateDictionary();
        QuestionIntake.Check(form, Fields, errors);
        Assert.False(errors.IsValid);
        Assert.NotEmpty(errors[key]!.Errors);
    }

    [Fact]
    public void Text_is_stored_in_NFC_without_control_characters()
    {
        var decomposed = "Hộ tịch\u0007 ".Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal("Hộ tịch", QuestionIntake.Clean(decomposed));
        Assert.Equal("dòng 1\ndòng 2", QuestionIntake.Clean("dòng 1\r\ndòng 2", multiline: true));
        Assert.Equal("dòng 1 dòng 2", QuestionIntake.Clean("dòng 1\ndòng 2"));
    }

    [Fact]
    public void A_demo_article_splits_into_the_question_without_its_signature_and_the_answer()
    {
        var (question, answer) = DemoQuestionSeeder.Split("<strong>Hỏi:</strong> Tôi hỏi thế nào? (Bạn đọc Trần Văn T.)<strong>Trả lời:</strong> Theo luật.<p>Đoạn hai.</p>", "tóm tắt");
        Assert.Equal("Tôi hỏi thế nào?", question);
        Assert.Equal("Theo luật.<p>Đoạn hai.</p>", answer);
        Assert.Equal(("tóm tắt", "<p>Không theo mẫu</p>"), DemoQuestionSeeder.Split("<p>Không theo mẫu</p>", "tóm tắt"));
    }
}
