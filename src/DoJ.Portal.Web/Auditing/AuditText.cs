using System.Globalization;
using System.Text.Json;

namespace DoJ.Portal.Web.Auditing;

/// <summary>One changed value of an audit entry, as text.</summary>
public sealed record AuditChange(string Field, string Old, string New);

/// <summary>How audit entries read to an administrator: Vietnamese names of kinds of record, and the changed values.</summary>
public static class AuditText
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["Article"] = "Bài viết",
        ["Category"] = "Chuyên mục",
        ["MenuItem"] = "Mục menu",
        ["LinkGroup"] = "Nhóm liên kết",
        ["Link"] = "Liên kết",
        ["StaticPage"] = "Trang tĩnh",
        ["Redirect"] = "Chuyển hướng",
        ["SiteSettings"] = "Cài đặt trang",
        ["User"] = "Người dùng",
        ["Media"] = "Ảnh",
        ["Question"] = "Câu hỏi",
        ["OutgoingMail"] = "Thư gửi đi",
        ["PersonalDataRetention"] = "Xóa dữ liệu cá nhân hết hạn",
        ["PersonalData"] = "Dữ liệu cá nhân",
        ["LegalDocument"] = "Văn bản",
        ["RegisterTerm"] = "Danh mục văn bản",
        ["DocumentComment"] = "Góp ý dự thảo",
        ["StoredFile"] = "Tệp đính kèm",
        ["Album"] = "Album ảnh",
        ["Video"] = "Video",
        ["Procedure"] = "Thủ tục hành chính",
        ["Official"] = "Cán bộ",
    };

    /// <summary>The Vietnamese name of a kind of record; an unknown kind shows as stored.</summary>
    public static string KindName(string entityType) => Kinds.GetValueOrDefault(entityType ?? "", entityType ?? "");

    /// <summary>
    /// The changed values of <see cref="Domain.Auditing.AuditEntry.Changes"/> (<c>{"Field": {"old": …, "new": …}}</c>).
    /// A value that is not such an object (older or hand-made rows) yields nothing rather than an error.
    /// </summary>
    public static IReadOnlyList<AuditChange> Changes(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            return document.RootElement.EnumerateObject()
                .Select(p => new AuditChange(p.Name, Value(p.Value, "old"), Value(p.Value, "new")))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Value(JsonElement change, string name) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() ?? "",
                JsonValueKind.Null or JsonValueKind.Undefined => "",
                JsonValueKind.True => "có",
                JsonValueKind.False => "không",
                JsonValueKind.Number => value.TryGetInt64(out var n) ? n.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
                _ => value.GetRawText(),
            }
            : "";
}
