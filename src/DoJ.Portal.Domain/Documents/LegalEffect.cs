namespace DoJ.Portal.Domain.Documents;

/// <summary>A document's legal effect on a given Vietnam calendar day (derived from its dates, never stored).</summary>
public enum LegalEffect
{
    /// <summary>Chưa có hiệu lực: the date of effect has not come.</summary>
    NotYetInEffect = 0,

    /// <summary>Còn hiệu lực.</summary>
    InEffect = 1,

    /// <summary>Hết hiệu lực: the date of expiry has come.</summary>
    Expired = 2,
}

public static class LegalEffectNames
{
    public static string ToVietnamese(this LegalEffect effect) => effect switch
    {
        LegalEffect.NotYetInEffect => "Chưa có hiệu lực",
        LegalEffect.Expired => "Hết hiệu lực",
        _ => "Còn hiệu lực",
    };

    /// <summary>The value of the <c>hieu-luc</c> filter.</summary>
    public static string ToSlug(this LegalEffect effect) => effect switch
    {
        LegalEffect.NotYetInEffect => "chua-co-hieu-luc",
        LegalEffect.Expired => "het-hieu-luc",
        _ => "con-hieu-luc",
    };

    public static bool TryParseSlug(string? slug, out LegalEffect effect)
    {
        foreach (var candidate in Enum.GetValues<LegalEffect>())
        {
            if (string.Equals(candidate.ToSlug(), slug, StringComparison.Ordinal))
            {
                effect = candidate;
                return true;
            }
        }

        effect = default;
        return false;
    }
}
