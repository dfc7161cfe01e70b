using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using DoJ.Portal.Data;
using DoJ.Portal.Data.Seeding;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.Domain.Gallery;
using Microsoft.EntityFrameworkCore;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// Inserts generated photo albums (<see cref="AlbumComposer"/>) after the documents. An album's photo is a library image
/// (docs/albums.md), so every album draws from the same few: the demo photos (<see cref="DemoPhotoSeeder"/>, about
/// 50 KB each), copied once into the uploads folder under generated names as images of the library, waiting for their
/// responsive variants, which the portal's background conversion makes at its next start as for any seeded image
/// (docs/images.md). No audit entries and no content changes, as for generated articles.
/// </summary>
public static class AlbumWriter
{
    private const int RowsPerEfBatch = 1_000;

    // Columns not listed (cover, user ids, return note, deletion) stay NULL, as for an album whose editor picked no cover.
    private const string InsertAlbumSql = """
        INSERT INTO "Albums" ("Id", "Title", "Slug", "Description", "TakenOn", "CreatedAtUtc", "UpdatedAtUtc",
            "ConcurrencyStamp", "Status", "PublishedAtUtc", "IsDeleted")
        VALUES (@Id, @Title, @Slug, @Description, @TakenOn, @CreatedAtUtc, @UpdatedAtUtc,
            @ConcurrencyStamp, @Status, @PublishedAtUtc, 0)
        """;

    private const string InsertPhotoSql = """
        INSERT INTO "AlbumPhotos" ("AlbumId", "MediaId", "Position", "Caption", "AltText")
        VALUES (@AlbumId, @MediaId, @Position, @Caption, @AltText)
        """;

    /// <summary>Inserts <see cref="GenerateOptions.AlbumCount"/> albums; returns how many photos they hold.</summary>
    public static async Task<long> RunAsync(PortalDbContext db, GenerateOptions options, PhrasePools pools, string uploadsRoot, DateTime nowUtc, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var count = options.AlbumCount;
        var firstId = (await db.Albums.MaxAsync(a => (int?)a.Id, cancellationToken) ?? 0) + 1;
        var photos = await SharedPhotosAsync(db, uploadsRoot, nowUtc, cancellationToken);
        // A stream of its own, so the articles and documents of a seed are the same with or without albums.
        var composer = new AlbumComposer(pools, new Random(unchecked((options.Seed * 104_729) + firstId)), photos, count, nowUtc);
        await output.WriteLineAsync(Invariant($"Generating {count:N0} albums ({AlbumComposer.MinPhotos} to {AlbumComposer.MaxPhotos} photos each, drawn from {photos.Count} shared library images)…"));
        var clock = Stopwatch.StartNew();
        var photoRows = db.Database.IsSqlite()
            ? await InsertWithSqliteAsync(db, composer, firstId, count, output, cancellationToken)
            : await InsertWithEfAsync(db, composer, count, output, cancellationToken);
        await output.WriteLineAsync(Invariant($"Inserted {count:N0} albums and {photoRows:N0} album photos in {clock.Elapsed.TotalSeconds:0.0} s ({count / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} albums/s)."));
        return photoRows;
    }

    /// <summary>The demo photos, written once into the uploads folder as library images waiting for their variants.</summary>
    private static async Task<IReadOnlyList<SharedPhoto>> SharedPhotosAsync(PortalDbContext db, string uploadsRoot, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var media = (await DemoPhotoSeeder.WriteLibraryImagesAsync(uploadsRoot, nowUtc, cancellationToken)).Select(i => i.Media).ToList();
        db.Media.AddRange(media);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return media.Select(m => new SharedPhoto(m.Id, m.AltText)).ToList();
    }

    private static async Task<long> InsertWithSqliteAsync(PortalDbContext db, AlbumComposer composer, int firstId, int count, TextWriter output, CancellationToken cancellationToken)
    {
        long photoRows = 0;
        await SqliteBulk.InsertAsync(db, [InsertAlbumSql, InsertPhotoSql], count, "albums", output, commands =>
        {
            var p = new AlbumParameters(commands[0]);
            var photo = commands[1];
            var albumId = Add(photo, "@AlbumId", DbType.Int32);
            var mediaId = Add(photo, "@MediaId", DbType.Int32);
            var position = Add(photo, "@Position", DbType.Int32);
            var caption = Add(photo, "@Caption", DbType.String);
            var altText = Add(photo, "@AltText", DbType.String);
            return async (done, ct) =>
            {
                var id = firstId + done;
                var album = composer.Next();
                p.Set(id, album);
                await commands[0].ExecuteNonQueryAsync(ct);
                foreach (var row in album.Photos)
                {
                    albumId.Value = id;
                    mediaId.Value = row.MediaId;
                    position.Value = row.Position;
                    caption.Value = row.Caption;
                    altText.Value = row.AltText;
                    await photo.ExecuteNonQueryAsync(ct);
                    photoRows++;
                }
            };
        }, cancellationToken);
        return photoRows;
    }

    private static async Task<long> InsertWithEfAsync(PortalDbContext db, AlbumComposer composer, int count, TextWriter output, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        long photoRows = 0;
        for (var done = 0; done < count;)
        {
            var end = Math.Min(count, done + RowsPerEfBatch);
            var batch = new List<Album>(end - done);
            for (; done < end; done++)
            {
                var album = composer.Next();
                photoRows += album.Photos.Count;
                batch.Add(album);
            }

            db.Albums.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (done % SqliteBulk.RowsPerTransaction == 0 || done == count)
            {
                await output.WriteLineAsync(Invariant($"  {done:N0} albums inserted"));
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return photoRows;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type) => SqliteBulk.Add(command, name, type);

    private static string Invariant(FormattableString text) => SqliteBulk.Invariant(text);

    /// <summary>The parameters of <see cref="InsertAlbumSql"/>, in the form EF Core's SQLite provider stores values.</summary>
    private sealed class AlbumParameters(DbCommand command)
    {
        private readonly DbParameter id = Add(command, "@Id", DbType.Int32);
        private readonly DbParameter title = Add(command, "@Title", DbType.String);
        private readonly DbParameter slug = Add(command, "@Slug", DbType.String);
        private readonly DbParameter description = Add(command, "@Description", DbType.String);
        private readonly DbParameter takenOn = Add(command, "@TakenOn", DbType.String);
        private readonly DbParameter createdAt = Add(command, "@CreatedAtUtc", DbType.DateTime);
        private readonly DbParameter updatedAt = Add(command, "@UpdatedAtUtc", DbType.DateTime);
        private readonly DbParameter stamp = Add(command, "@ConcurrencyStamp", DbType.String);
        private readonly DbParameter status = Add(command, "@Status", DbType.Int32);
        private readonly DbParameter publishedAt = Add(command, "@PublishedAtUtc", DbType.DateTime);

        public void Set(int albumId, Album a)
        {
            id.Value = albumId;
            title.Value = a.Title;
            slug.Value = a.Slug;
            description.Value = a.Description;
            // EF Core's SQLite provider keeps a DateOnly as yyyy-MM-dd text.
            takenOn.Value = a.TakenOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            createdAt.Value = a.CreatedAtUtc;
            updatedAt.Value = a.UpdatedAtUtc;
            // EF Core keeps a Guid in SQLite as upper-case text; Microsoft.Data.Sqlite alone would bind a blob.
            stamp.Value = a.ConcurrencyStamp.ToString("D").ToUpperInvariant();
            status.Value = (int)a.Status;
            publishedAt.Value = a.PublishedAtUtc is { } p ? p : DBNull.Value;
        }
    }
}
