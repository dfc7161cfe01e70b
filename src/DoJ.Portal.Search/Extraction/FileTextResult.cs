using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Search.Extraction;

/// <summary>
/// What reading a file gave: <see cref="FileTextState.Extracted"/> with its text (NFC, at most
/// <see cref="StoredFile.TextMaxLength"/> characters), <see cref="FileTextState.Unreadable"/> with a Vietnamese
/// note, or <see cref="FileTextState.Pending"/> when the caller cancelled (the file should be read again later).
/// </summary>
public sealed record FileTextResult(FileTextState State, string? Text, string? Note)
{
    public static FileTextResult Unreadable(string note) => new(FileTextState.Unreadable, null, note);

    public static readonly FileTextResult Cancelled = new(FileTextState.Pending, null, null);
}
