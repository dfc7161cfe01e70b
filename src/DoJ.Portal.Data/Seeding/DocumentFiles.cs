using System.Globalization;
using System.Security.Cryptography;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Data.Seeding;

/// <summary>
/// Writes a file for download as an upload would leave it: under a generated name (<c>2021/01/{guid}.pdf</c>) in
/// <see cref="StorageOptions.FilesRoot"/>, with the <see cref="StoredFile"/> row that describes it. PDF and DOCX files wait for
/// the text extraction (<see cref="FileTextState.Pending"/>), which reads them in the background.
/// </summary>
public static class DocumentFiles
{
    public static string PathOf(string filesRoot, string fileName) =>
        Path.Combine(filesRoot, fileName.Replace('/', Path.DirectorySeparatorChar));

    public static StoredFile Store(string filesRoot, byte[] bytes, FileKind kind, string originalName, DateTime uploadedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var fileName = string.Create(CultureInfo.InvariantCulture,
            $"{uploadedAtUtc:yyyy}/{uploadedAtUtc:MM}/{Guid.NewGuid():N}{kind.Extension()}");
        var path = PathOf(filesRoot, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return Describe(fileName, bytes, kind, originalName, uploadedAtUtc);
    }

    /// <summary>The row of a file already on disk under <paramref name="fileName"/>.</summary>
    public static StoredFile Describe(string fileName, byte[] bytes, FileKind kind, string originalName, DateTime uploadedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new StoredFile
        {
            FileName = fileName,
            OriginalName = originalName,
            Kind = kind,
            SizeBytes = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedAtUtc = uploadedAtUtc,
            TextState = kind.HasSearchableText() ? FileTextState.Pending : FileTextState.NotApplicable,
        };
    }
}
