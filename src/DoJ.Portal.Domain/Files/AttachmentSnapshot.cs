using System.Text.Json;

namespace DoJ.Portal.Domain.Files;

/// <summary>One attachment as a revision keeps it: the file and the name shown, in list order.</summary>
public sealed record AttachmentSnapshot(int StoredFileId, string DisplayName)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The list as stored in a revision's <c>Attachments</c> column ("[]" for none).</summary>
    public static string Serialize(IEnumerable<AttachmentSnapshot> attachments) =>
        JsonSerializer.Serialize(attachments.ToList(), Json);

    /// <summary>Reads a revision's list; a revision saved before attachments existed has none.</summary>
    public static IReadOnlyList<AttachmentSnapshot> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<AttachmentSnapshot>>(stored, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string Of(IEnumerable<Attachment> attachments) =>
        Serialize(attachments.OrderBy(a => a.Position).Select(a => new AttachmentSnapshot(a.StoredFileId, a.DisplayName)));
}
