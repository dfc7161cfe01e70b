using DoJ.Portal.Web.Editing;

namespace DoJ.Portal.Web.Files;

/// <summary>A refused part of an attachment edit: the form field and the Vietnamese message.</summary>
public sealed record AttachmentError(string Field, string Message);

/// <summary>
/// What <see cref="AttachmentListEditor"/> did to an owner's list, or why it refused. Files it wrote are deleted on
/// <see cref="Dispose"/> unless <see cref="Keep"/> was called after the owner's save committed: a save that is
/// refused or loses a race leaves nothing on disk.
/// </summary>
public sealed class AttachmentChanges : IDisposable
{
    private readonly List<string> written;
    private readonly Action<string> delete;
    private bool kept;

    internal AttachmentChanges(IReadOnlyList<AttachmentError> errors, List<string> written, Action<string> delete)
    {
        Errors = errors;
        this.written = written;
        this.delete = delete;
    }

    public IReadOnlyList<AttachmentError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>How many files this edit stored (none when it was refused).</summary>
    public int Uploaded => written.Count;

    /// <summary>The refusal as an editor's result: every message, on the first refused field; null when nothing was refused.</summary>
    public EditResult? Invalid => Succeeded ? null : EditResult.Invalid(Errors[0].Field, string.Join(" ", Errors.Select(e => e.Message)));

    /// <summary>The owner's save committed: the files stay.</summary>
    public void Keep() => kept = true;

    public void Dispose()
    {
        if (kept)
        {
            return;
        }

        kept = true;
        foreach (var fileName in written)
        {
            delete(fileName);
        }
    }
}
