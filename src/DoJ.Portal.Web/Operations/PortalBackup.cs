using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using DoJ.Portal.Data;
using DoJ.Portal.Web.Files;
using DoJ.Portal.Web.Media;
using DoJ.Portal.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.Web.Operations;

/// <summary>What a backup or restore did, or why it refused; <see cref="Message"/> is printed as it is.</summary>
public sealed record BackupOutcome(bool Succeeded, string Message, string? Folder = null, BackupManifest? Manifest = null)
{
    public static BackupOutcome Refused(string message) => new(false, message);
}

/// <summary>
/// Backup and restore of a SQLite installation: the database through SQLite's online backup API (a
/// consistent snapshot even while the portal writes; never a file copy of a live database) and the
/// uploads and document files folders, into a timestamped folder with a manifest. Restore checks the manifest, the checksums,
/// <c>PRAGMA integrity_check</c> and the migrations before it swaps anything, and keeps what it replaces
/// as <c>*.before-restore-{time}</c>. The search index is derived data and is simply deleted.
/// </summary>
public sealed class PortalBackup(PortalDbContext db, IOptions<StorageOptions> storage, TimeProvider clock, ILogger<PortalBackup> logger)
{
    public const string DatabaseFileName = "portal.db";
    public const string FolderPrefix = "portal-backup-";
    public const string SetAsideMarker = ".before-restore-";

    private const string StagingMarker = ".restoring-";

    /// <summary>The files SQLite keeps beside a database; a stale -wal beside another database would corrupt it.</summary>
    private static readonly string[] SidecarSuffixes = ["-wal", "-shm", "-journal"];

    private string DataPath => storage.Value.DataPath;

    private string UploadsPath => storage.Value.UploadsRoot;

    /// <summary>The documents of attachments (<see cref="FileStore"/>), always under this instance's data folder.</summary>
    private string FilesPath => storage.Value.FilesRoot;

    /// <summary>The folders a backup holds beside the database: its name inside the backup, and where it lives.</summary>
    private (string Name, string Live)[] Folders => [(MediaStore.FolderName, UploadsPath), (FileStore.FolderName, FilesPath)];

    public static string AppVersion =>
        typeof(PortalBackup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(PortalBackup).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes <c>{parent}/portal-backup-{yyyyMMdd-HHmmss}</c>; a half-written one is never left under that name.</summary>
    public async Task<BackupOutcome> BackupAsync(string parentFolder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parentFolder);
        var live = LiveDatabasePath();
        if (live is null)
        {
            return BackupOutcome.Refused("This portal does not run on SQLite: back up SQL Server with its own tools (see docs/backup.md).");
        }

        if (!File.Exists(live))
        {
            return BackupOutcome.Refused($"There is no database at {live}.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var folder = UniqueFolder(Path.GetFullPath(parentFolder), FolderPrefix + now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var partial = folder + ".partial";
        Directory.CreateDirectory(partial);
        try
        {
            var copy = Path.Combine(partial, DatabaseFileName);
            SnapshotDatabase(live, copy);
            var check = Inspect(copy);
            if (check.Problem is not null)
            {
                Directory.Delete(partial, recursive: true);
                return BackupOutcome.Refused($"The copy of the database failed its check ({check.Problem}); nothing was written. Check the live database with PRAGMA integrity_check.");
            }

            // After the database: every image and document the snapshot refers to was on disk before its row was committed.
            foreach (var (name, livePath) in Folders)
            {
                if (Directory.Exists(livePath))
                {
                    CopyFolder(livePath, Path.Combine(partial, name));
                }
            }

            var files = new List<BackupFile>();
            foreach (var file in Directory.EnumerateFiles(partial, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                files.Add(new BackupFile(Relative(partial, file), new FileInfo(file).Length, await Sha256Async(file, cancellationToken)));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentFormat, now, AppVersion, check.Migrations[^1], check.Articles, files);
            await File.WriteAllTextAsync(Path.Combine(partial, BackupManifest.FileName), manifest.ToJson(), cancellationToken);
            Directory.Move(partial, folder);
            logger.LogInformation("Backup written to {Folder}: migration {Migration}, {Articles} articles, {Files} files", folder, manifest.Migration, manifest.Articles, files.Count);
            return new BackupOutcome(true, $"Backup written to {folder} ({manifest.Articles} articles, {files.Count} files, migration {manifest.Migration}).", folder, manifest);
        }
        catch
        {
            TryDeleteFolder(partial);
            throw;
        }
    }

    /// <summary>
    /// Replaces the database and the uploads with the backup in <paramref name="folder"/>. Refuses while a
    /// portal has this database open unless <paramref name="force"/> (the portal must then be restarted at once).
    /// </summary>
    public async Task<BackupOutcome> RestoreAsync(string folder, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var live = LiveDatabasePath();
        if (live is null)
        {
            return BackupOutcome.Refused("This portal does not run on SQLite: restore SQL Server with its own tools (see docs/backup.md).");
        }

        folder = Path.GetFullPath(folder);
        var manifestPath = Path.Combine(folder, BackupManifest.FileName);
        var manifest = File.Exists(manifestPath) ? BackupManifest.Parse(await File.ReadAllTextAsync(manifestPath, cancellationToken)) : null;
        if (manifest is null)
        {
            return BackupOutcome.Refused($"{folder} holds no readable {BackupManifest.FileName}: it is not a portal backup.");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            return BackupOutcome.Refused($"The backup's format {manifest.Format} is not one this version reads ({BackupManifest.CurrentFormat}).");
        }

        if (manifest.Files.FirstOrDefault(f => !IsSafeBackupPath(f.Path)) is { } strange)
        {
            return BackupOutcome.Refused($"The manifest names a file outside the backup ({strange.Path}); nothing was restored.");
        }

        if (!manifest.Files.Any(f => f.Path == DatabaseFileName))
        {
            return BackupOutcome.Refused($"The manifest lists no {DatabaseFileName}; nothing was restored.");
        }

        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var stagedDatabase = live + StagingMarker + stamp;
        var staged = Folders.Select(f => (f.Name, f.Live, Staged: f.Live + StagingMarker + stamp)).ToArray();
        try
        {
            // Copy while checking: the files put in place are exactly the bytes whose checksums were verified.
            // A folder the backup does not hold (a backup made before attachments existed) is restored empty.
            foreach (var staging in staged)
            {
                Directory.CreateDirectory(staging.Staged);
            }

            foreach (var file in manifest.Files)
            {
                var target = file.Path == DatabaseFileName ? stagedDatabase : StagedPath(staged, file.Path);
                var problem = await CopyVerifiedAsync(Path.Combine(folder, file.Path), target, file, cancellationToken);
                if (problem is not null)
                {
                    return BackupOutcome.Refused($"The backup is damaged: {problem}. Nothing was restored.");
                }
            }

            var check = Inspect(stagedDatabase);
            if (check.Problem is not null)
            {
                return BackupOutcome.Refused($"The backup's database is damaged ({check.Problem}). Nothing was restored.");
            }

            var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
            if (check.Migrations.FirstOrDefault(m => !known.Contains(m)) is { } unknown)
            {
                return BackupOutcome.Refused($"The backup comes from a newer version of the portal (migration {unknown} is unknown to this one, {AppVersion}). Restore it with that version. Nothing was restored.");
            }

            if (check.Migrations[^1] != manifest.Migration)
            {
                return BackupOutcome.Refused($"The backup's database ends at migration {check.Migrations[^1]}, its manifest says {manifest.Migration}. Nothing was restored.");
            }

            // Last, as it may switch an unused database out of WAL: a refused backup leaves every live file untouched.
            if (!force && InUse(live) is { } user)
            {
                return BackupOutcome.Refused($"The portal's database is in use ({user}). Stop the portal first, or run restore with --force and restart the portal at once. Nothing was restored.");
            }

            var aside = SetAsideMarker + stamp;
            Swap(live, stagedDatabase, staged.Select(f => (f.Live, f.Staged)).ToArray(), aside);
            var indexNote = TryDeleteFolder(Path.Combine(DataPath, SearchIndex.FolderName))
                ? "The search index was removed and is rebuilt at the next start."
                : "The search index could not be removed: delete the search-index folder before starting the portal.";
            logger.LogWarning("Restored the backup of {CreatedAtUtc:O} from {Folder}; the previous data was kept with the suffix {Suffix}", manifest.CreatedAtUtc, folder, aside);
            return new BackupOutcome(true,
                $"Restored the backup of {manifest.CreatedAtUtc:yyyy-MM-dd HH:mm:ss} UTC ({manifest.Articles} articles, migration {manifest.Migration}). " +
                $"The previous database, uploads and files were kept as *{aside}. {indexNote}" +
                (force ? " Restart the portal now." : ""),
                folder, manifest);
        }
        finally
        {
            TryDeleteFile(stagedDatabase);
            foreach (var staging in staged)
            {
                TryDeleteFolder(staging.Staged);
            }
        }
    }

    /// <summary>
    /// Who holds the database, or null when nobody does: a running portal on this data folder (its
    /// <see cref="PortalInstanceLock"/>), or any program with the database open.
    /// </summary>
    public string? InUse(string live)
    {
        if (PortalInstanceLock.IsHeld(DataPath))
        {
            return "a portal is running on " + DataPath;
        }

        if (!File.Exists(live))
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection(ConnectionString(live, SqliteOpenMode.ReadWrite));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandTimeout = 1;
            // Leaving WAL needs every other connection gone: SQLite answers "busy" while anyone has the file open.
            // Without them it checkpoints the WAL into the file, so the database set aside stands alone;
            // the next start switches back to WAL.
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
            return null;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return "another program has it open";
        }
    }

    /// <summary>The SQLite file the portal uses, or null on another provider.</summary>
    public string? LiveDatabasePath() =>
        db.Database.IsSqlite() ? Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource) : null;

    /// <summary>Where a manifest path (<c>uploads/…</c>, <c>files/…</c>, checked by <see cref="IsSafeBackupPath"/>) is staged.</summary>
    private static string StagedPath((string Name, string Live, string Staged)[] staged, string path)
    {
        var folder = staged.Single(f => path.StartsWith(f.Name + "/", StringComparison.Ordinal));
        return Path.Combine(folder.Staged, path[(folder.Name.Length + 1)..]);
    }

    private static void Swap(string live, string stagedDatabase, (string Live, string Staged)[] folders, string aside)
    {
        var moved = new List<(string From, string To)>();
        void Move(string from, string to, bool folder)
        {
            if (folder)
            {
                Directory.Move(from, to);
            }
            else
            {
                File.Move(from, to);
            }

            moved.Add((from, to));
        }

        try
        {
            foreach (var path in SidecarSuffixes.Select(s => live + s).Prepend(live).Where(File.Exists))
            {
                Move(path, path + aside, folder: false);
            }

            foreach (var (folderLive, _) in folders.Where(f => Directory.Exists(f.Live)))
            {
                Move(folderLive, folderLive + aside, folder: true);
            }

            Move(stagedDatabase, live, folder: false);
            foreach (var (folderLive, folderStaged) in folders)
            {
                Move(folderStaged, folderLive, folder: true);
            }
        }
        catch
        {
            // Put everything back as it was, newest move first.
            foreach (var (from, to) in Enumerable.Reverse(moved))
            {
                if (Directory.Exists(to))
                {
                    Directory.Move(to, from);
                }
                else
                {
                    File.Move(to, from);
                }
            }

            throw;
        }
    }

    /// <summary>SQLite's online backup API: one step copies every page under a read transaction, so the copy is one moment's state.</summary>
    private static void SnapshotDatabase(string live, string target)
    {
        using (var source = new SqliteConnection(ConnectionString(live, SqliteOpenMode.ReadWrite)))
        using (var copy = new SqliteConnection(ConnectionString(target, SqliteOpenMode.ReadWriteCreate)))
        {
            source.Open();
            copy.Open();
            source.BackupDatabase(copy);
            // One self-contained file: the copy must not need a -wal beside it.
            using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            command.ExecuteNonQuery();
        }
    }

    private sealed record DatabaseCheck(string? Problem, IReadOnlyList<string> Migrations, int Articles);

    /// <summary>integrity_check, then the applied migrations and the article count, read without changing the file.</summary>
    private static DatabaseCheck Inspect(string file)
    {
        try
        {
            using var connection = new SqliteConnection(ConnectionString(file, SqliteOpenMode.ReadOnly));
            connection.Open();
            var integrity = Query(connection, "PRAGMA integrity_check(5);", r => r.GetString(0));
            if (integrity is not ["ok"])
            {
                return new(string.Join("; ", integrity), [], 0);
            }

            var migrations = Query(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId;", r => r.GetString(0));
            if (migrations.Count == 0)
            {
                return new("no migration was ever applied to it", [], 0);
            }

            var articles = Query(connection, "SELECT COUNT(*) FROM Articles;", r => r.GetInt32(0)).Single();
            return new(null, migrations, articles);
        }
        catch (SqliteException ex)
        {
            return new(ex.Message, [], 0);
        }
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Copies <paramref name="source"/> and hashes the bytes on the way; the problem found, or null.</summary>
    private static async Task<string?> CopyVerifiedAsync(string source, string target, BackupFile expected, CancellationToken cancellationToken)
    {
        if (!File.Exists(source))
        {
            return $"{expected.Path} is missing";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        await using (var input = File.OpenRead(source))
        await using (var output = File.Create(target))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        return length != expected.Bytes || sha != expected.Sha256
            ? $"{expected.Path} is {length} bytes with SHA-256 {sha}, the manifest says {expected.Bytes} bytes with {expected.Sha256}"
            : null;
    }

    /// <summary>"portal.db", "uploads/…" or "files/…" with plain segments: a manifest cannot point outside its folder.</summary>
    public static bool IsSafeBackupPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == DatabaseFileName)
        {
            return path == DatabaseFileName;
        }

        var segments = path.Split('/');
        return segments.Length >= 2
            && segments[0] is MediaStore.FolderName or FileStore.FolderName
            && segments.All(s => s.Length > 0 && s != "." && s != ".." && s.IndexOfAny(['\\', ':', '\0']) < 0);
    }

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static void CopyFolder(string source, string target)
    {
        // Uploads still being checked (FileStore's .incoming) have no row yet: they are not part of any backup.
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(source, f).StartsWith(FileStore.IncomingFolderName, StringComparison.Ordinal)))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    private static string UniqueFolder(string parent, string name)
    {
        var folder = Path.Combine(parent, name);
        for (var n = 2; Directory.Exists(folder) || Directory.Exists(folder + ".partial"); n++)
        {
            folder = Path.Combine(parent, $"{name}-{n}");
        }

        return folder;
    }

    /// <summary>No pooling: a connection opened here is really closed when disposed, so it never holds the file.</summary>
    private static string ConnectionString(string file, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Mode = mode,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    private static bool TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void TryDeleteFile(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a leftover staging file; it carries the restore's timestamp and can be deleted by hand.
        }
    }
}
