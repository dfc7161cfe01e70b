using System.Text;
using DoJ.Portal.Domain.Publishing;

namespace DoJ.Portal.Web.Editing;

/// <summary>An editor's note on content sent back to its author, as the author sees it on the form.</summary>
public sealed record ReturnedNote(string Note, DateTime? AtUtc)
{
    public static ReturnedNote? Of(PublishableContent content) =>
        content is { ReturnNote: { } note, Status: Domain.Articles.ArticleStatus.Draft } ? new ReturnedNote(note, content.ReturnedAtUtc) : null;
}

/// <summary>The rules every "send back to the author" (Trả lại tác giả) shares: a note is required and bounded.</summary>
public static class ReturnNotes
{
    /// <summary>Why <paramref name="note"/> cannot be sent, or null when it can.</summary>
    public static string? Problem(string? note) =>
        string.IsNullOrWhiteSpace(note) ? "Vui lòng ghi rõ lý do trả lại để tác giả biết cần sửa gì."
        : note.Trim().Length > PublishableContent.ReturnNoteMaxLength ? $"Ghi chú trả lại dài tối đa {PublishableContent.ReturnNoteMaxLength} ký tự."
        : null;

    /// <summary>The note as stored: composed Vietnamese (NFC).</summary>
    public static string Clean(string note) => note.Normalize(NormalizationForm.FormC);
}
