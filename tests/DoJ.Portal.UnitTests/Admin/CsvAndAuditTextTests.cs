using DoJ.Portal.Web.Auditing;

namespace DoJ.Portal.UnitTests.Admin;

public sealed class CsvAndAuditTextTests
{
    [Theory]
    [InlineData("Bình đẳng giới", "Bình đẳng giới")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+84 234", "'+84 234")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData(null, "")]
    public void Csv_cells_are_quoted_and_formulas_neutralized(string? value, string expected) =>
        Assert.Equal(expected, CsvWriter.Cell(value));

    [Fact]
    public void Audit_changes_are_read_from_their_json_with_vietnamese_yes_and_no()
    {
        var changes = AuditText.Changes("""{"Tiêu đề": {"old": "A", "new": "B"}, "Nổi bật": {"old": false, "new": true}, "Số": {"old": 1, "new": null}}""");

        Assert.Equal(
            [new AuditChange("Tiêu đề", "A", "B"), new AuditChange("Nổi bật", "không", "có"), new AuditChange("Số", "1", "")],
            changes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("not json")]
    [InlineData("{\"a\": 5}")]
    public void Odd_change_records_read_as_no_or_empty_changes_without_error(string json) =>
        Assert.All(AuditText.Changes(json), c => Assert.Equal(("", ""), (c.Old, c.New)));

    [Theory]
    [InlineData("Article", "Bài viết")]
    [InlineData("SiteSettings", "Cài đặt trang")]
    [InlineData("Unknown", "Unknown")]
    public void Kinds_of_record_read_in_vietnamese(string kind, string name) => Assert.Equal(name, AuditText.KindName(kind));

    /// <summary>
    /// The kinds the editors declare (<c>const string Entity</c> or <c>AuditType</c>) and those named at the call: each
    /// reads in Vietnamese on the dashboard and in the audit log, never as the English type name.
    /// </summary>
    [Fact]
    public void Every_kind_of_record_the_portal_audits_has_a_vietnamese_name()
    {
        var declared = typeof(AuditText).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name is "Entity" or "AuditType")
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.True(declared.Count >= 10, string.Join(", ", declared));
        string[] named = ["Article", "Category", "MenuItem", "LinkGroup", "Link", "StaticPage", "Redirect", "SiteSettings", "StoredFile", "User", "Media", "OutgoingMail"];

        var untranslated = declared.Concat(named).Where(kind => AuditText.KindName(kind) == kind && kind != "Video").Distinct().ToList();

        Assert.True(untranslated.Count == 0, "No Vietnamese name: " + string.Join(", ", untranslated));
    }
}
