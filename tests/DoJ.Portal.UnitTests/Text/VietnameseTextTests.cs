using System.Globalization;
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

    /// <summary>
    /// Folding by decomposition, as it was done before the table (and as ICU does it): the reference the
    /// table is checked against. The tests run with ICU; production folds without it.
    /// </summary>
    private static string FoldByDecomposition(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [Fact]
    public void The_table_folds_every_Latin_letter_as_decomposition_does()
    {
        Assert.True("ệ".Normalize(NormalizationForm.FormD).Length == 3, "this test needs ICU: run it without DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        // Latin-1 Supplement, Latin Extended-A and -B, the combining marks, Latin Extended Additional.
        var blocks = new[] { (0x0080, 0x00FF), (0x0100, 0x017F), (0x0180, 0x024F), (0x0300, 0x036F), (0x1E00, 0x1EFF) };
        var wrong = new List<string>();
        foreach (var (first, last) in blocks)
        {
            for (var i = first; i <= last; i++)
            {
                var text = ((char)i).ToString();
                var expected = FoldByDecomposition(text);
                var actual = VietnameseText.Fold(text);
                if (actual != expected)
                {
                    wrong.Add($"U+{i:X4} {text}: expected \"{expected}\", got \"{actual}\"");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void Every_Vietnamese_letter_in_either_case_and_either_form_folds_to_its_ASCII_base_letter()
    {
        // The six tones: none, huyền, sắc, hỏi, ngã, nặng.
        string[] tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
        var letters = new List<string> { "đ", "Đ" };
        foreach (var vowel in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
        {
            letters.AddRange(tones.Select(tone => (vowel + tone).Normalize(NormalizationForm.FormC)));
        }

        Assert.Equal(2 + (24 * 6), letters.Distinct(StringComparer.Ordinal).Count());
        foreach (var nfc in letters)
        {
            var nfd = nfc.Normalize(NormalizationForm.FormD);
            var expected = FoldByDecomposition(nfc);
            Assert.Matches("^[a-z]$", expected);
            Assert.Equal(expected, VietnameseText.Fold(nfc));
            Assert.Equal(expected, VietnameseText.Fold(nfd));
        }
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
