using System.Text;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.UnitTests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("aàáảãạăằắẳẵặâầấẩẫậ", "aaaaaaaaaaaaaaaaaa")]
    [InlineData("eèéẻẽẹêềếểễệ", "eeeeeeeeeeee")]
    [InlineData("iìíỉĩị", "iiiiii")]
    [InlineData("oòóỏõọôồốổỗộơờớởỡợ", "oooooooooooooooooo")]
    [InlineData("uùúủũụưừứửữự", "uuuuuuuuuuuu")]
    [InlineData("yỳýỷỹỵ", "yyyyyy")]
    [InlineData("đĐ", "dd")]
    [InlineData("ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "aaaaaaaaaaaaaaaaa")]
    [InlineData("ƯỨỪỬỮỰ ƠỚỜỞỠỢ", "uuuuuu oooooo")]
    public void Every_vowel_with_every_tone_folds_to_its_base_letter(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Composed_and_decomposed_text_fold_alike()
    {
        const string text = "BÌNH ĐẲNG GIỚI – Nghị định";
        Assert.Equal("binh dang gioi – nghi dinh", VietnameseText.Fold(text));
        Assert.Equal(VietnameseText.Fold(text), VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)));
    }
}

public sealed class VietnameseNumberTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(359289, "359.289")]
    [InlineData(1234567, "1.234.567")]
    public void Numbers_are_grouped_with_dots(long value, string expected) =>
        Assert.Equal(expected, VietnameseNumber.Format(value));

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("en-US");
            Assert.Equal("359.289", VietnameseNumber.Format(359289));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
