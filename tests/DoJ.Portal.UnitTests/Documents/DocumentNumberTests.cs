using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.UnitTests.Documents;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData("15/2025/QĐ-UBND")]
    [InlineData("15/2025/qd-ubnd")]
    [InlineData("15 / 2025 / QĐ - UBND")]
    [InlineData("  15/2025/Qđ-Ubnd ")]
    public void Case_marks_and_spacing_do_not_change_the_key(string written) =>
        Assert.Equal("15/2025/qd-ubnd", DocumentNumber.Key(written));

    [Fact]
    public void Decomposed_text_has_the_same_key_as_composed_text() =>
        Assert.Equal(DocumentNumber.Key("15/2025/QĐ-UBND"), DocumentNumber.Key("15/2025/QĐ-UBND".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void Another_number_has_another_key()
    {
        Assert.NotEqual(DocumentNumber.Key("15/2025/QĐ-UBND"), DocumentNumber.Key("16/2025/QĐ-UBND"));
        Assert.NotEqual(DocumentNumber.Key("15/2025/QĐ-UBND"), DocumentNumber.Key("15 2025 QĐ UBND"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_has_an_empty_key_and_no_parts(string? written)
    {
        Assert.Equal("", DocumentNumber.Key(written));
        Assert.Empty(DocumentNumber.Parts(written));
    }

    [Theory]
    [InlineData("15/2025/QĐ-UBND")]
    [InlineData("15 / 2025 / QĐ - UBND")]
    [InlineData("15/2025/qd-ubnd")]
    public void A_number_splits_into_folded_parts(string written) =>
        Assert.Equal(["15", "2025", "qd", "ubnd"], DocumentNumber.Parts(written));

    [Fact]
    public void A_short_query_names_parts_of_a_number() =>
        Assert.Equal(["qd", "15"], DocumentNumber.Parts("QĐ 15"));

    [Theory]
    [InlineData("15/2025/QĐ-UBND", true)]
    [InlineData("QĐ 15", true)]
    [InlineData("15/2025", true)]
    [InlineData("15 / 2025 / QĐ - UBND", true)]
    [InlineData("quyết định khen thưởng", false)]
    [InlineData("QĐ-UBND", false)]
    [InlineData("", false)]
    public void A_query_looks_like_a_number_when_it_has_a_digit_and_only_short_symbols(string query, bool expected) =>
        Assert.Equal(expected, DocumentNumber.LooksLikeNumber(query));
}
