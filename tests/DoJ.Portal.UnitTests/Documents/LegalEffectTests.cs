using DoJ.Portal.Domain.Documents;

namespace DoJ.Portal.UnitTests.Documents;

public sealed class LegalEffectTests
{
    private static readonly DateOnly Issued = new(2026, 3, 1);
    private static readonly DateOnly Effective = new(2026, 3, 15);
    private static readonly DateOnly Expires = new(2027, 1, 1);

    private static LegalDocument Document(DateOnly? effective, DateOnly? expires) =>
        new LegalDocumentBuilder().IssuedOn(Issued).EffectiveOn(effective).ExpiresOn(expires).Build();

    public static TheoryData<DateOnly, LegalEffect> DaysAroundTheDates => new()
    {
        { Issued.AddDays(-1), LegalEffect.NotYetInEffect },
        { Issued, LegalEffect.NotYetInEffect },
        { Effective.AddDays(-1), LegalEffect.NotYetInEffect },
        { Effective, LegalEffect.InEffect },
        { Expires.AddDays(-1), LegalEffect.InEffect },
        { Expires, LegalEffect.Expired },
        { Expires.AddYears(5), LegalEffect.Expired },
    };

    [Theory]
    [MemberData(nameof(DaysAroundTheDates))]
    public void The_effect_turns_on_the_day_of_effect_and_off_on_the_day_of_expiry(DateOnly today, LegalEffect expected) =>
        Assert.Equal(expected, Document(Effective, Expires).EffectOn(today));

    [Fact]
    public void Without_a_date_of_effect_a_document_is_in_effect_from_its_date_of_issue()
    {
        var document = Document(null, null);
        Assert.Equal(LegalEffect.NotYetInEffect, document.EffectOn(Issued.AddDays(-1)));
        Assert.Equal(LegalEffect.InEffect, document.EffectOn(Issued));
        Assert.Equal(LegalEffect.InEffect, document.EffectOn(Issued.AddYears(30)));
    }

    [Fact]
    public void The_labels_and_filter_values_are_Vietnamese_and_round_trip()
    {
        Assert.Equal("Còn hiệu lực", LegalEffect.InEffect.ToVietnamese());
        Assert.Equal("Hết hiệu lực", LegalEffect.Expired.ToVietnamese());
        Assert.Equal("Chưa có hiệu lực", LegalEffect.NotYetInEffect.ToVietnamese());
        foreach (var effect in Enum.GetValues<LegalEffect>())
        {
            Assert.True(LegalEffectNames.TryParseSlug(effect.ToSlug(), out var parsed));
            Assert.Equal(effect, parsed);
        }

        Assert.False(LegalEffectNames.TryParseSlug("con-hieu-luc-x", out _));
        Assert.False(LegalEffectNames.TryParseSlug(null, out _));
    }

    public static TheoryData<DateOnly?, DateOnly?> DateShapes => new()
    {
        { null, null },
        { Effective, null },
        { null, Expires },
        { Effective, Expires },
        { Issued, Issued.AddDays(1) },
    };

    [Theory]
    [MemberData(nameof(DateShapes))]
    public void The_database_filter_agrees_with_the_rule_on_every_day(DateOnly? effective, DateOnly? expires)
    {
        var document = Document(effective, expires);
        for (var day = Issued.AddDays(-3); day <= Expires.AddDays(3); day = day.AddDays(1))
        {
            foreach (var effect in Enum.GetValues<LegalEffect>())
            {
                var matches = LegalDocument.HasEffectOn(effect, day).Compile()(document);
                Assert.Equal(document.EffectOn(day) == effect, matches);
            }
        }
    }
}
