using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DoJ.Portal.Domain.Files;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace DoJ.Portal.Search.Extraction;

/// <summary>
/// Reads the text of a PDF (PdfPig, page by page) or DOCX (Open XML SDK, paragraph by paragraph, streamed)
/// for search, within bounds: files over <see cref="FileTextOptions.MaxFileBytes"/> are refused, at most
/// <see cref="FileTextOptions.MaxPages"/> pages and <see cref="StoredFile.TextMaxLength"/> characters are kept,
/// and the whole read has <see cref="FileTextOptions.TimeBudget"/>. It never throws: a damaged, encrypted,
/// over-long or foreign file gives <see cref="FileTextState.Unreadable"/> and a note in Vietnamese.
/// </summary>
public static class FileTextReader
{
    /// <summary>Parts of a DOCX larger than this (characters) are refused by the SDK: a zip bomb stops here.</summary>
    private const long MaxCharactersInPart = 20_000_000;

    public const string DamagedNote = "Tệp bị hỏng hoặc không đúng định dạng, không đọc được nội dung.";
    public const string EncryptedNote = "Tệp được bảo vệ bằng mật khẩu, không đọc được nội dung.";
    public const string MissingNote = "Không tìm thấy tệp trong thư mục lưu trữ.";
    public const string NoTextNote = "Tệp không có lớp chữ (có thể là bản quét ảnh), chưa tìm được theo nội dung.";

    public static string TimeoutNote(TimeSpan budget) =>
        string.Create(CultureInfo.InvariantCulture, $"Đọc tệp quá thời gian cho phép ({Math.Max(0, (int)budget.TotalSeconds)} giây), đã dừng.");

    public static string TooLargeNote(long maxBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"Tệp lớn hơn giới hạn {maxBytes / (1024 * 1024)} MB, không đọc nội dung.");

    /// <summary>Reads the file at <paramref name="path"/>; a cancelled <paramref name="cancellationToken"/> gives <see cref="FileTextResult.Cancelled"/>.</summary>
    public static async Task<FileTextResult> ReadAsync(string path, FileKind kind, FileTextOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (!kind.HasSearchableText())
        {
            return new FileTextResult(FileTextState.NotApplicable, null, null);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return FileTextResult.Cancelled;
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileTextResult.Unreadable(MissingNote);
            }

            if (info.Length > limits.MaxFileBytes)
            {
                return FileTextResult.Unreadable(TooLargeNote(limits.MaxFileBytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileTextResult.Unreadable(MissingNote);
        }

        if (limits.TimeBudget <= TimeSpan.Zero)
        {
            return FileTextResult.Unreadable(TimeoutNote(limits.TimeBudget));
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(limits.TimeBudget);
        // On the thread pool, so a page that never returns cannot hold the caller past the budget
        // (the parser checks the token between pages and paragraphs and then stops on its own).
        var work = Task.Run(() => Read(path, kind, limits.MaxPages, budget.Token), CancellationToken.None);
        try
        {
            return await work.WaitAsync(limits.TimeBudget + TimeSpan.FromSeconds(1), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return FileTextResult.Cancelled;
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            return FileTextResult.Unreadable(TimeoutNote(limits.TimeBudget));
        }
    }

    private static FileTextResult Read(string path, FileKind kind, int maxPages, CancellationToken cancellationToken)
    {
        var text = new BoundedText(StoredFile.TextMaxLength);
        try
        {
            if (kind == FileKind.Pdf)
            {
                ReadPdf(path, maxPages, text, cancellationToken);
            }
            else
            {
                ReadDocx(path, text, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException)
        {
            return FileTextResult.Unreadable(EncryptedNote);
        }
        catch (OpenXmlPackageException ex) when (ex.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
        {
            return FileTextResult.Unreadable(EncryptedNote);
        }
#pragma warning disable CA1031 // Any failure of a parser on a hostile or damaged file means "unreadable", never a crash.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return FileTextResult.Unreadable(DamagedNote);
        }

        var result = text.ToNormalizedString();
        return result.Length == 0
            ? new FileTextResult(FileTextState.Extracted, "", NoTextNote)
            : new FileTextResult(FileTextState.Extracted, result, null);
    }

    private static void ReadPdf(string path, int maxPages, BoundedText text, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(path, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= pages && !text.IsFull; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = document.GetPage(number);
            text.AppendBlock(ContentOrderTextExtractor.GetText(page));
        }
    }

    private static void ReadDocx(string path, BoundedText text, CancellationToken cancellationToken)
    {
        using var document = WordprocessingDocument.Open(path, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        var body = document.MainDocumentPart ?? throw new InvalidDataException("No main document part.");
        // Streamed: the body is never loaded as a whole DOM.
        using var reader = OpenXmlReader.Create(body);
        var paragraph = new StringBuilder();
        while (reader.Read() && !text.IsFull)
        {
            if (reader.ElementType == typeof(Text) && reader.IsStartElement)
            {
                paragraph.Append(reader.GetText());
            }
            else if (reader.ElementType == typeof(TabChar) && reader.IsStartElement)
            {
                paragraph.Append(' ');
            }
            else if ((reader.ElementType == typeof(Break) || reader.ElementType == typeof(CarriageReturn)) && reader.IsStartElement)
            {
                paragraph.Append(' ');
            }
            else if (reader.ElementType == typeof(Paragraph) && reader.IsEndElement)
            {
                cancellationToken.ThrowIfCancellationRequested();
                text.AppendBlock(paragraph.ToString());
                paragraph.Clear();
            }
        }

        text.AppendBlock(paragraph.ToString());
    }

    /// <summary>Text blocks joined by line breaks, cleaned of control characters and lone surrogates, cut at a length.</summary>
    private sealed class BoundedText(int max)
    {
        private readonly StringBuilder builder = new();

        public bool IsFull => builder.Length >= max;

        public void AppendBlock(string block)
        {
            var trimmed = block.Trim();
            if (trimmed.Length == 0 || IsFull)
            {
                return;
            }

            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            for (var i = 0; i < trimmed.Length && builder.Length < max; i++)
            {
                var c = trimmed[i];
                if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1]))
                {
                    if (builder.Length + 2 > max)
                    {
                        break;
                    }

                    builder.Append(c).Append(trimmed[++i]);
                }
                else if (char.IsSurrogate(c) || (char.IsControl(c) && c != '\n'))
                {
                    builder.Append(' ');
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        /// <summary>NFC (a DOCX typed with combining marks reads like one typed precomposed), within the bound.</summary>
        public string ToNormalizedString()
        {
            var text = builder.ToString();
            if (!text.IsNormalized(NormalizationForm.FormC))
            {
                text = text.Normalize(NormalizationForm.FormC);
            }

            return text.Length <= max ? text : text[..max];
        }
    }
}
