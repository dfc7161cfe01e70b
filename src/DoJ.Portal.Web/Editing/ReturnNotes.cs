using System.Globalization;
using System.Security.Claims;
using System.Text;
using DoJ.Portal.Data;
using DoJ.Portal.Domain.Publishing;
using DoJ.Portal.Domain.Articles;
using DoJ.Portal.Web.Auditing;

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

/// <summary>
/// The words that differ between the kinds of content sent back by <see cref="SendBack"/>: the audit entity, the
/// noun in messages ("album", "video") and the message for a save that lost to another.
/// </summary>
public sealed record SendBackKind(string Entity, string Noun, string ChangedMeanwhile);

/// <summary>
/// The send-back step albums and videos share (articles keep their own, which also saves a revision): editors
/// only, a note by <see cref="ReturnNotes"/>, submitted content only, audited with the state and the note.
/// </summary>
public static class SendBack
{
    /// <param name="stamp">Sets the content's own "updated at/by" fields.</param>
    public static async Task<EditResult> ApplyAsync<T>(
        PortalDbContext db, AuditLog audit, SendBackKind kind, T? content, int id, string title, string? note,
        ClaimsPrincipal user, DateTime now, Action<T, DateTime, string?> stamp, CancellationToken cancellationToken)
        where T : PublishableContent
    {
        ArgumentNullException.ThrowIfNull(user);
        if (content is null)
        {
            return EditResult.NotFound;
        }

        if (!ArticleEditor.CanPublish(user))
        {
            return EditResult.Forbidden;
        }

        if (ReturnNotes.Problem(note) is { } problem)
        {
            return EditResult.Refused(problem, id);
        }

        var stateBefore = content.StateAt(now);
        if (!content.SendBack(ReturnNotes.Clean(note!), now))
        {
            return EditResult.Refused($"Chỉ trả lại được {kind.Noun} đang chờ duyệt ({kind.Noun} này ở trạng thái “{stateBefore.ToVietnamese()}”).", id);
        }

        stamp(content, now, user.FindFirstValue(ClaimTypes.NameIdentifier));
        audit.Record(user, ArticleEditor.SendBackAction, kind.Entity, id.ToString(CultureInfo.InvariantCulture), title, new Dictionary<string, (object?, object?)>
        {
            ["Trạng thái"] = (stateBefore.ToVietnamese(), content.StateAt(now).ToVietnamese()),
            ["Ghi chú trả lại"] = (null, content.ReturnNote),
        });
        if (!await db.TrySaveAsync(cancellationToken))
        {
            return EditResult.Refused(kind.ChangedMeanwhile, id);
        }

        return EditResult.Ok(id, $"Đã trả lại {kind.Noun} cho tác giả kèm ghi chú.");
    }
}
