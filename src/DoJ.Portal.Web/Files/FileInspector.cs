using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DoJ.Portal.Domain.Files;

namespace DoJ.Portal.Web.Files;

/// <summary>How far the inspector reads into a ZIP (and an Office or OpenDocument package) before calling it a bomb.</summary>
public sealed record ArchiveLimits(int MaxEntries = 10_000, long MaxTotalBytes = 512L * 1024 * 1024, int MaxRatio = 200, long RatioFloorBytes = 1024 * 1024)
{
    public static readonly ArchiveLimits Default = new();
}

/// <summary>
/// Recognises an upload by its bytes, never by its name or declared type: PDF (<c>%PDF-</c>), OLE2 compound files
/// (DOC or XLS by their directory entries), ZIP packages (DOCX or XLSX by <c>[Content_Types].xml</c>, ODT or ODS by
/// <c>mimetype</c>, else a plain ZIP). Refuses executables, macro-enabled documents, encrypted packages, archives
/// inside a ZIP and ZIP bombs. Every entry of a ZIP is decompressed with a running bound: declared sizes are
/// checked but never trusted.
/// </summary>
public static class FileInspector
{
    private static readonly byte[] Ole2Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Extensions refused inside a ZIP: programs and scripts a double click runs, and macro-enabled Office files.</summary>
    private static readonly HashSet<string> DangerousExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".pif", ".bat", ".cmd", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh",
        ".hta", ".msi", ".msp", ".msc", ".jar", ".lnk", ".reg", ".cpl", ".sh", ".apk", ".app", ".dmg", ".deb", ".rpm", ".elf",
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm", ".sldm",
    };

    private static readonly HashSet<string> MacroExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm", ".sldm",
    };

    private static readonly HashSet<string> ArchiveExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".zip", ".rar", ".7z", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".cab", ".iso", ".img",
    };

    public static FileInspection Inspect(Stream file, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        limits ??= ArchiveLimits.Default;
        if (!file.CanSeek)
        {
            throw new ArgumentException("The inspector needs a seekable stream.", nameof(file));
        }

        file.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (read == 0)
        {
            return FileInspection.Refused(FileRefusal.Empty);
        }

        if (IsExecutable(head))
        {
            return FileInspection.Refused(FileRefusal.Executable);
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return FileInspection.Of(FileKind.Pdf);
        }

        if (head.StartsWith(Ole2Signature))
        {
            return InspectOle2(file);
        }

        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
        {
            return InspectZip(file, limits);
        }

        return FileInspection.Refused(FileRefusal.NotAccepted, Describe(head));
    }

    /// <summary>Windows (MZ), Linux (ELF), macOS (Mach-O, fat binaries) programs and scripts with a <c>#!</c> line.</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> head) =>
        head.StartsWith("MZ"u8)
        || head.StartsWith("\u007FELF"u8)
        || head.StartsWith("#!"u8)
        || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xED, 0xFA, 0xCF])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE])
        || head.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE]);

    /// <summary>What an unaccepted file seems to be, for the message.</summary>
    private static string Describe(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith("GIF8"u8)
            ? "ảnh; hãy dùng Thư viện ảnh"
            : head.StartsWith("Rar!"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF])
                ? "tệp nén RAR hoặc 7z"
                : head.StartsWith("{\\rtf"u8) ? "văn bản RTF" : "không nhận ra được";

    // ---- OLE2 compound files (DOC, XLS) ----

    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint MaxRegularSector = 0xFFFFFFFA;

    private static FileInspection InspectOle2(Stream file)
    {
        try
        {
            var names = Ole2DirectoryNames(file);
            if (names is null)
            {
                return FileInspection.Refused(FileRefusal.Damaged);
            }

            // Word keeps its project in a "Macros" storage, Excel in "_VBA_PROJECT_CUR"; both hold a "VBA" storage.
            if (names.Any(n => n.Equals("VBA", StringComparison.OrdinalIgnoreCase) || n.Equals("Macros", StringComparison.OrdinalIgnoreCase)
                || n.StartsWith("_VBA_PROJECT", StringComparison.OrdinalIgnoreCase)))
            {
                return FileInspection.Refused(FileRefusal.Macro);
            }

            if (names.Contains("EncryptedPackage", StringComparer.Ordinal))
            {
                return FileInspection.Refused(FileRefusal.Encrypted);
            }

            return names.Contains("WordDocument", StringComparer.Ordinal) ? FileInspection.Of(FileKind.Doc)
                : names.Contains("Workbook", StringComparer.Ordinal) || names.Contains("Book", StringComparer.Ordinal) ? FileInspection.Of(FileKind.Xls)
                : FileInspection.Refused(FileRefusal.NotAccepted, names.Contains("PowerPoint Document", StringComparer.Ordinal)
                    ? "bản trình chiếu PowerPoint" : "tệp Office hoặc bộ cài đặt khác");
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or OverflowException)
        {
            return FileInspection.Refused(FileRefusal.Damaged);
        }
    }

    /// <summary>The names of every directory entry, following the FAT with every chain bounded by the file's sector count; null when malformed.</summary>
    private static List<string>? Ole2DirectoryNames(Stream file)
    {
        var header = new byte[512];
        file.Position = 0;
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return null;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
        if (shift is not (9 or 12))
        {
            return null;
        }

        var sectorSize = 1 << shift;
        var sectorCount = Math.Max(0, (file.Length - sectorSize + sectorSize - 1) / sectorSize);
        var fatSectors = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C));
        var directoryStart = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
        if (fatSectors == 0 || fatSectors > sectorCount)
        {
            return null;
        }

        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectorIds = new List<uint>();
        for (var i = 0; i < 109 && fatSectorIds.Count < fatSectors; i++)
        {
            fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + (i * 4))));
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x44));
        var sector = new byte[sectorSize];
        for (var hops = 0; fatSectorIds.Count < fatSectors && difat <= MaxRegularSector; hops++)
        {
            if (hops > sectorCount || !ReadSector(file, difat, sector, sectorSize))
            {
                return null;
            }

            for (var i = 0; i < (sectorSize / 4) - 1 && fatSectorIds.Count < fatSectors; i++)
            {
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(sectorSize - 4));
        }

        var fat = new uint[fatSectorIds.Count * (sectorSize / 4)];
        for (var f = 0; f < fatSectorIds.Count; f++)
        {
            if (!ReadSector(file, fatSectorIds[f], sector, sectorSize))
            {
                return null;
            }

            for (var i = 0; i < sectorSize / 4; i++)
            {
                fat[(f * (sectorSize / 4)) + i] = BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(i * 4));
            }
        }

        var names = new List<string>();
        var current = directoryStart;
        for (var hops = 0; current != EndOfChain; hops++)
        {
            if (current > MaxRegularSector || current >= fat.Length || hops > sectorCount || !ReadSector(file, current, sector, sectorSize))
            {
                return null;
            }

            for (var offset = 0; offset + 128 <= sectorSize; offset += 128)
            {
                var type = sector[offset + 0x42];
                var length = BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(offset + 0x40));
                if (type is 0 || length is < 2 or > 64)
                {
                    continue;
                }

                names.Add(Encoding.Unicode.GetString(sector, offset, length - 2));
            }

            current = fat[current];
        }

        return names;
    }

    private static bool ReadSector(Stream file, uint id, byte[] buffer, int sectorSize)
    {
        var offset = ((long)id + 1) * sectorSize;
        if (id > MaxRegularSector || offset + sectorSize > file.Length)
        {
            return false;
        }

        file.Position = offset;
        return file.ReadAtLeast(buffer, sectorSize, throwOnEndOfStream: false) == sectorSize;
    }

    // ---- ZIP packages (DOCX, XLSX, ODT, ODS, ZIP) ----

    private static FileInspection InspectZip(Stream file, ArchiveLimits limits)
    {
        file.Position = 0;
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var entries = zip.Entries;
            if (entries.Count > limits.MaxEntries || entries.Sum(e => Math.Max(0, e.Length)) > limits.MaxTotalBytes)
            {
                return FileInspection.Refused(FileRefusal.Bomb);
            }

            string? contentTypes = null;
            string? mimetype = null;
            long total = 0;
            foreach (var entry in entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var isFolder = name.EndsWith('/') && entry.Length == 0;
                if (isFolder)
                {
                    continue;
                }

                if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase)
                    || MacroExtensions.Contains(Path.GetExtension(name)))
                {
                    return FileInspection.Refused(FileRefusal.Macro);
                }

                // Entries are read whole, in order, counting what actually comes out.
                var keep = name is "[Content_Types].xml" or "mimetype" ? 1024 * 1024 : 0;
                var (bytes, head, kept, refusal) = Drain(entry, limits, limits.MaxTotalBytes - total, keep);
                if (refusal is not null)
                {
                    return refusal;
                }

                total += bytes;
                if (IsExecutable(head) || DangerousExtensions.Contains(Path.GetExtension(name)))
                {
                    return FileInspection.Refused(FileRefusal.Executable, Path.GetFileName(name));
                }

                if (name == "[Content_Types].xml")
                {
                    contentTypes = kept;
                }
                else if (name == "mimetype")
                {
                    mimetype = kept?.Trim();
                }
            }

            if (contentTypes is not null)
            {
                return OfficeOpenXml(contentTypes);
            }

            if (mimetype is not null && mimetype.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal))
            {
                return OpenDocument(mimetype, entries);
            }

            if (entries.FirstOrDefault(e => ArchiveExtensions.Contains(Path.GetExtension(e.FullName))) is { } nested)
            {
                return FileInspection.Refused(FileRefusal.NestedArchive, Path.GetFileName(nested.FullName));
            }

            return FileInspection.Of(FileKind.Zip);
        }
        catch (InvalidDataException)
        {
            // Also an encrypted entry or an unknown compression method: nothing the portal can check.
            return FileInspection.Refused(FileRefusal.Damaged);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ArgumentException)
        {
            return FileInspection.Refused(FileRefusal.Damaged);
        }
    }

    /// <summary>
    /// Reads one entry to its end with a running bound: more bytes than declared, than the total left, or than
    /// <see cref="ArchiveLimits.MaxRatio"/> times its compressed size (past a floor) is a bomb. Returns the first
    /// bytes and, when <paramref name="keep"/> is set, the entry as UTF-8 text.
    /// </summary>
    private static (long Bytes, byte[] Head, string? Kept, FileInspection? Refusal) Drain(ZipArchiveEntry entry, ArchiveLimits limits, long totalLeft, int keep)
    {
        if (entry.IsEncrypted)
        {
            return (0, [], null, FileInspection.Refused(FileRefusal.Encrypted));
        }

        var ratioBound = Math.Max(limits.RatioFloorBytes, Math.Max(1, entry.CompressedLength) * (long)limits.MaxRatio);
        var bound = Math.Min(totalLeft, ratioBound);
        using var stream = entry.Open();
        using var kept = keep > 0 ? new MemoryStream() : null;
        var buffer = new byte[64 * 1024];
        var head = Array.Empty<byte>();
        long count = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (count == 0)
            {
                head = buffer[..Math.Min(read, 8)];
            }

            count += read;
            if (count > bound || count > entry.Length)
            {
                return (count, head, null, FileInspection.Refused(FileRefusal.Bomb));
            }

            if (kept is not null && kept.Length < keep)
            {
                kept.Write(buffer, 0, (int)Math.Min(read, keep - kept.Length));
            }
        }

        return (count, head, kept is null ? null : Encoding.UTF8.GetString(kept.ToArray()), null);
    }

    private static FileInspection OfficeOpenXml(string contentTypes)
    {
        if (contentTypes.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || contentTypes.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
        {
            return FileInspection.Refused(FileRefusal.Macro);
        }

        return contentTypes.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) ? FileInspection.Of(FileKind.Docx)
            : contentTypes.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) ? FileInspection.Of(FileKind.Xlsx)
            : FileInspection.Refused(FileRefusal.NotAccepted, contentTypes.Contains("presentationml", StringComparison.Ordinal)
                ? "bản trình chiếu PowerPoint" : "tệp Office khác");
    }

    private static FileInspection OpenDocument(string mimetype, IEnumerable<ZipArchiveEntry> entries)
    {
        // LibreOffice keeps Basic macros under Basic/ and other script languages under Scripts/.
        if (entries.Any(e => e.FullName.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase) || e.FullName.StartsWith("Scripts/", StringComparison.OrdinalIgnoreCase)))
        {
            return FileInspection.Refused(FileRefusal.Macro);
        }

        return mimetype switch
        {
            "application/vnd.oasis.opendocument.text" => FileInspection.Of(FileKind.Odt),
            "application/vnd.oasis.opendocument.spreadsheet" => FileInspection.Of(FileKind.Ods),
            _ => FileInspection.Refused(FileRefusal.NotAccepted, "tệp OpenDocument khác (trình chiếu, bản vẽ…)"),
        };
    }
}
