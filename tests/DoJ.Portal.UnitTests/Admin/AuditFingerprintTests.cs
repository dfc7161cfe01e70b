using DoJ.Portal.Web.Auditing;

namespace DoJ.Portal.UnitTests.Admin;

public sealed class AuditFingerprintTests
{
    [Fact]
    public void A_text_is_recorded_as_a_short_hash_and_its_length_never_as_itself()
    {
        var text = "Ông Nguyễn Văn An, 0912345678, hỏi về lý lịch tư pháp.";
        var print = AuditFingerprint.Of(text)!;
        Assert.Matches(@"^SHA-256 [0-9a-f]{16} \(\d+ ký tự\)$", print);
        Assert.Contains($"({text.Length} ký tự)", print, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn", print, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", print, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_texts_give_equal_fingerprints_and_different_texts_different_ones()
    {
        Assert.Equal(AuditFingerprint.Of("<p>Trả lời</p>"), AuditFingerprint.Of("<p>Trả lời</p>"));
        Assert.NotEqual(AuditFingerprint.Of("<p>Trả lời</p>"), AuditFingerprint.Of("<p>Trả lời.</p>"));
        Assert.Null(AuditFingerprint.Of(null));
        Assert.Null(AuditFingerprint.Of(""));
    }
}
