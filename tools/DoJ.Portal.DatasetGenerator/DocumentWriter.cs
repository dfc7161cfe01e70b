using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Documents;
using DoJ.Portal.Domain.Files;
using DoJ.Portal.Search.Extraction;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// Inserts generated documents of the register (<see cref="DocumentComposer"/>) after the articles. About a quarter get
/// one attachment, pointing at one of <see cref="SharedFiles"/> small DOCX files written once into the files folder
/// (their text already read, as the portal's reader would, so the index has file text to search without 100,000 files on
/// disk). No revisions and no content changes, as for generated articles.
/// </summary>
public static class DocumentWriter
{
    public const int SharedFiles = 6;
    public const double AttachmentShare = 0.25;
    private const int RowsPerEfBatch = 1_000;

    private const string InsertDocumentSql = """
        INSERT INTO "LegalDocuments" ("Id", "Number", "NumberKey", "Slug", "Abstract", "Signer", "DocumentTypeId", "IssuingBodyId",
            "FieldId", "IssuedOn", "EffectiveOn", "ExpiresOn", "CreatedAtUtc", "UpdatedAtUtc", "ConcurrencyStamp", "Status",
            "PublishedAtUtc", "IsDeleted")
        VALUES (@Id, @Number, @NumberKey, @Slug, @Abstract, @Signer, @DocumentTypeId, @IssuingBodyId,
            @FieldId, @IssuedOn, @EffectiveOn, @ExpiresOn, @CreatedAtUtc, @UpdatedAtUtc, @ConcurrencyStamp, @Status,
            @PublishedAtUtc, 0)
        """;

    private const string InsertAttachmentSql = """
        INSERT INTO "Attachments" ("StoredFileId", "DisplayName", "Position", "LegalDocumentId")
        VALUES (@StoredFileId, @DisplayName, 1, @LegalDocumentId)
        """;

    public static async Task<int> RunAsync(PortalDbContext db, GenerateOptions options, string dataPath, DateTime nowUtc, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var count = options.DocumentCount;
        var terms = await db.RegisterTerms.AsNoTracking().ToListAsync(cancellationToken);
        var firstId = (await db.LegalDocuments.MaxAsync(d => (int?)d.Id, cancellationToken) ?? 0) + 1;
        var pools = DocumentPools.Load();
        // A stream of its own, so the articles of a seed are the same with or without documents.
        var random = new Random(unchecked((options.Seed * 7919) + firstId));
        var composer = new DocumentComposer(pools, random, terms, count, nowUtc);
        var files = await SharedFilesAsync(db, pools, dataPath, nowUtc, cancellationToken);
        await output.WriteLineAsync(Invariant($"Generating {count:N0} documents ({AttachmentShare:P0} with one of {files.Count} shared DOCX files)…"));
        var clock = Stopwatch.StartNew();
        if (db.Database.IsSqlite())
        {
            await InsertWithSqliteAsync(db, composer, random, files, firstId, count, output, cancellationToken);
        }
        else
        {
            await InsertWithEfAsync(db, composer, random, files, firstId, count, output, cancellationToken);
        }

        await output.WriteLineAsync(Invariant($"Inserted {count:N0} documents in {clock.Elapsed.TotalSeconds:0.0} s; {composer.Published:N0} published."));
        return composer.Published;
    }

    /// <summary>The few files generated documents share, written once under generated names.</summary>
    private static async Task<IReadOnlyList<StoredFile>> SharedFilesAsync(PortalDbContext db, DocumentPools pools, string dataPath, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var files = new List<StoredFile>();
        for (var i = 0; i < SharedFiles; i++)
        {
            var lines = new List<FileLine>
            {
                new("SỞ TƯ PHÁP", FileLineStyle.Heading),
                new(Invariant($"TÀI LIỆU KÈM THEO SỐ {i + 1}"), FileLineStyle.Title),
            };
            lines.AddRange(Enumerable.Range(0, 3).Select(k => new FileLine(pools.FileParagraphs[(i + k) % pools.FileParagraphs.Count], FileLineStyle.Body)));
            var bytes = DocxWriter.Write(lines, Invariant($"Tài liệu kèm theo số {i + 1}"));
            var file = DocumentFiles.Store(dataPath, bytes, FileKind.Docx, Invariant($"tai-lieu-kem-theo-{i + 1}.docx"), nowUtc);
            // Read here as the portal reads it: its reader would otherwise take each shared file from the queue at the
            // first start and re-index every document holding it (25,000 at 100,000 documents, minutes of a core).
            var read = await FileTextReader.ReadAsync(DocumentFiles.PathOf(dataPath, file.FileName), FileKind.Docx, new FileTextOptions(), cancellationToken);
            (file.TextState, file.Text, file.TextNote, file.TextUpdatedAtUtc) = (read.State, read.Text, read.Note, nowUtc);
            files.Add(file);
        }

        db.StoredFiles.AddRange(files);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return files;
    }

    private static Task InsertWithSqliteAsync(PortalDbContext db, DocumentComposer composer, Random random, IReadOnlyList<StoredFile> files, int firstId, int count, TextWriter output, CancellationToken cancellationToken) =>
        SqliteBulk.InsertAsync(db, [InsertDocumentSql, InsertAttachmentSql], count, "documents", output, commands =>
        {
            var p = new DocumentParameters(commands[0]);
            var attach = commands[1];
            var fileId = Add(attach, "@StoredFileId", DbType.Int32);
            var displayName = Add(attach, "@DisplayName", DbType.String);
            var documentId = Add(attach, "@LegalDocumentId", DbType.Int32);
            return async (done, ct) =>
            {
                var id = firstId + done;
                p.Set(id, composer.Next(id));
                await commands[0].ExecuteNonQueryAsync(ct);
                if (random.NextDouble() < AttachmentShare)
                {
                    fileId.Value = files[random.Next(files.Count)].Id;
                    displayName.Value = "Tài liệu kèm theo";
                    documentId.Value = id;
                    await attach.ExecuteNonQueryAsync(ct);
                }
            };
        }, cancellationToken);

    private static async Task InsertWithEfAsync(PortalDbContext db, DocumentComposer composer, Random random, IReadOnlyList<StoredFile> files, int firstId, int count, TextWriter output, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < count;)
        {
            var end = Math.Min(count, done + RowsPerEfBatch);
            var batch = new List<LegalDocument>(end - done);
            for (; done < end; done++)
            {
                var document = composer.Next(firstId + done);
                if (random.NextDouble() < AttachmentShare)
                {
                    document.Attachments.Add(new Attachment { StoredFileId = files[random.Next(files.Count)].Id, DisplayName = "Tài liệu kèm theo", Position = 1 });
                }

                batch.Add(document);
            }

            db.LegalDocuments.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (done % SqliteBulk.RowsPerTransaction == 0 || done == count)
            {
                await output.WriteLineAsync(Invariant($"  {done:N0} documents inserted"));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type) => SqliteBulk.Add(command, name, type);

    private static string Invariant(FormattableString text) => SqliteBulk.Invariant(text);

    /// <summary>The parameters of <see cref="InsertDocumentSql"/>, in the form EF Core's SQLite provider stores values.</summary>
    private sealed class DocumentParameters(DbCommand command)
    {
        private readonly DbParameter id = Add(command, "@Id", DbType.Int32);
        private readonly DbParameter number = Add(command, "@Number", DbType.String);
        private readonly DbParameter numberKey = Add(command, "@NumberKey", DbType.String);
        private readonly DbParameter slug = Add(command, "@Slug", DbType.String);
        private readonly DbParameter abstractText = Add(command, "@Abstract", DbType.String);
        private readonly DbParameter signer = Add(command, "@Signer", DbType.String);
        private readonly DbParameter typeId = Add(command, "@DocumentTypeId", DbType.Int32);
        private readonly DbParameter bodyId = Add(command, "@IssuingBodyId", DbType.Int32);
        private readonly DbParameter fieldId = Add(command, "@FieldId", DbType.Int32);
        private readonly DbParameter issuedOn = Add(command, "@IssuedOn", DbType.String);
        private readonly DbParameter effectiveOn = Add(command, "@EffectiveOn", DbType.String);
        private readonly DbParameter expiresOn = Add(command, "@ExpiresOn", DbType.String);
        private readonly DbParameter createdAt = Add(command, "@CreatedAtUtc", DbType.DateTime);
        private readonly DbParameter updatedAt = Add(command, "@UpdatedAtUtc", DbType.DateTime);
        private readonly DbParameter stamp = Add(command, "@ConcurrencyStamp", DbType.String);
        private readonly DbParameter status = Add(command, "@Status", DbType.Int32);
        private readonly DbParameter publishedAt = Add(command, "@PublishedAtUtc", DbType.DateTime);

        public void Set(int documentId, LegalDocument d)
        {
            id.Value = documentId;
            number.Value = d.Number;
            numberKey.Value = d.NumberKey;
            slug.Value = d.Slug;
            abstractText.Value = d.Abstract;
            signer.Value = d.Signer;
            typeId.Value = d.DocumentTypeId;
            bodyId.Value = d.IssuingBodyId;
            fieldId.Value = d.FieldId;
            // EF Core's SQLite provider keeps a DateOnly as yyyy-MM-dd text.
            issuedOn.Value = Day(d.IssuedOn);
            effectiveOn.Value = d.EffectiveOn is { } e ? Day(e) : DBNull.Value;
            expiresOn.Value = d.ExpiresOn is { } x ? Day(x) : DBNull.Value;
            createdAt.Value = d.CreatedAtUtc;
            updatedAt.Value = d.UpdatedAtUtc;
            stamp.Value = d.ConcurrencyStamp.ToString("D").ToUpperInvariant();
            status.Value = (int)d.Status;
            publishedAt.Value = d.PublishedAtUtc is { } p ? p : DBNull.Value;
        }

        private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
