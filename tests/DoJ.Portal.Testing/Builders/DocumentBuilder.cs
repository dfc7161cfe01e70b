using System.IO.Compression;
using System.Text;

namespace DoJ.Portal.Testing.Builders;

/// <summary>Minimal real documents built in memory: PDF, OOXML and OpenDocument packages, OLE2 compound files, executables, ZIPs.</summary>
public static class DocumentBuilder
{
    public static byte[] Pdf(string text = "Quyet dinh") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj\n" +
        $"4 0 obj<</Length {text.Length + 24}>>stream\nBT /F1 12 Tf 10 10 Td ({text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static byte[] Docx() => OfficeOpenXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");

    /// <summary>A Word document with macros: its main part's macro-enabled type and a VBA project.</summary>
    public static byte[] Docm() => OfficeOpenXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", ("word/vbaProject.bin", [0xD0, 0xCF, 0x11, 0xE0]));

    public static byte[] Xlsx() => OfficeOpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");

    public static byte[] Odt(bool withBasicMacro = false)
    {
        var entries = new List<(string, byte[])>
        {
            ("mimetype", Encoding.ASCII.GetBytes("application/vnd.oasis.opendocument.text")),
            ("content.xml", Encoding.UTF8.GetBytes("<office:document-content><office:text>Văn bản</office:text></office:document-content>")),
        };
        if (withBasicMacro)
        {
            entries.Add(("Basic/Standard/Module1.xml", Encoding.UTF8.GetBytes("<script:module>Sub Main\nShell(\"calc\")\nEnd Sub</script:module>")));
        }

        return Zip([.. entries]);
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A Windows program's first bytes (MZ header and the DOS stub message).</summary>
    public static byte[] Executable() =>
        [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.\r\n"), .. new byte[400]];

    /// <summary>
    /// An OLE2 compound file (the format of DOC and XLS): header, one FAT sector, one directory sector holding the root
    /// and the given entries (storages when the name is in <paramref name="storages"/>, else streams).
    /// </summary>
    public static byte[] Ole2(string[] streams, params string[] storages)
    {
        const int Sector = 512;
        var file = new byte[Sector * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        WriteUInt16(file, 0x18, 0x3E);
        WriteUInt16(file, 0x1A, 3);
        WriteUInt16(file, 0x1C, 0xFFFE);
        WriteUInt16(file, 0x1E, 9);
        WriteUInt16(file, 0x20, 6);
        WriteUInt32(file, 0x2C, 1); // one FAT sector
        WriteUInt32(file, 0x30, 1); // directory starts at sector 1
        WriteUInt32(file, 0x38, 4096);
        WriteUInt32(file, 0x3C, 0xFFFFFFFE);
        WriteUInt32(file, 0x44, 0xFFFFFFFE);
        WriteUInt32(file, 0x4C, 0); // FAT in sector 0
        for (var i = 1; i < 109; i++)
        {
            WriteUInt32(file, 0x4C + (i * 4), 0xFFFFFFFF);
        }

        // Sector 0 (file offset 512): the FAT. Sector 0 is FAT, sector 1 the directory's only sector.
        WriteUInt32(file, Sector, 0xFFFFFFFD);
        WriteUInt32(file, Sector + 4, 0xFFFFFFFE);
        for (var i = 2; i < Sector / 4; i++)
        {
            WriteUInt32(file, Sector + (i * 4), 0xFFFFFFFF);
        }

        var entries = new List<(string Name, byte Type)> { ("Root Entry", 5) };
        entries.AddRange(streams.Select(s => (s, (byte)2)));
        entries.AddRange(storages.Select(s => (s, (byte)1)));
        for (var i = 0; i < entries.Count && i < 4; i++)
        {
            var offset = (Sector * 2) + (i * 128);
            var name = Encoding.Unicode.GetBytes(entries[i].Name + "\0");
            name.CopyTo(file, offset);
            WriteUInt16(file, offset + 0x40, (ushort)name.Length);
            file[offset + 0x42] = entries[i].Type;
        }

        return file;
    }

    private static byte[] OfficeOpenXml(string mainPart, string mainType, params (string Name, byte[] Content)[] extra)
    {
        var types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
            "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
            "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
            $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainType}\"/></Types>";
        return Zip([
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(types)),
            ("_rels/.rels", Encoding.UTF8.GetBytes($"<Relationships><Relationship Id=\"rId1\" Target=\"{mainPart}\"/></Relationships>")),
            (mainPart, Encoding.UTF8.GetBytes("<document>Quyết định khen thưởng</document>")),
            .. extra,
        ]);
    }

    private static void WriteUInt16(byte[] file, int offset, ushort value) => BitConverter.TryWriteBytes(file.AsSpan(offset), value);

    private static void WriteUInt32(byte[] file, int offset, uint value) => BitConverter.TryWriteBytes(file.AsSpan(offset), value);
}
