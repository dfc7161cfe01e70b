using System.Net;
using System.Security.Cryptography;
using DoJ.Portal.Data;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Files;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Counting;
using DoJ.Portal.Web.Navigation;
using DoJ.Portal.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.IntegrationTests.Foundation;

public sealed class BackupTests
{
    private static string NewFolder(string kind) => Path.Combine(Path.GetTempPath(), "doj-portal-tests", $"{kind}-{Guid.NewGuid():N}");

    /// <summary>A portal on <paramref name="dataPath"/>; disposing it stops the host and leaves the folder.</summary>
    private static PortalWebApplicationFactory PortalOn(string dataPath) => new PortalWebApplicationFactory().With("Storage:DataPath", dataPath);

    private static async Task<BackupOutcome> BackUpAsync(PortalWebApplicationFactory portal, string to)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalBackup>().BackupAsync(to);
    }

    /// <summary>Restore as the command does it with the portal stopped: no host, only the data folder.</summary>
    private static async Task<BackupOutcome> RestoreStoppedAsync(string dataPath, string from)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDataServiceCollectionExtensions.Configure(options, DatabaseProvider.Sqlite, null, dataPath);
        await using var db = new PortalDbContext(options.Options);
        var backup = new PortalBackup(db, Options.Create(new StorageOptions { DataPath = dataPath }), TimeProvider.System, NullLogger<PortalBackup>.Instance);
        return await backup.RestoreAsync(from, force: false);
    }

    /// <summary>A backup of a freshly seeded portal that is then stopped: (data folder, backup folder).</summary>
    private static async Task<(string DataPath, string Backup)> StoppedPortalWithBackupAsync()
    {
        var dataPath = NewFolder("data");
        using var portal = PortalOn(dataPath);
        var outcome = await BackUpAsync(portal, NewFolder("backups"));
        Assert.True(outcome.Succeeded, outcome.Message);
        return (dataPath, outcome.Folder!);
    }

    private static async Task<HttpStatusCode> StatusAsync(PortalWebApplicationFactory portal, string url)
    {
        using var response = await portal.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Every file of the data folder with its SHA-256 (after folding the WAL in), to show nothing changed.</summary>
    private static Dictionary<string, string> Snapshot(string dataPath) =>
        Directory.GetFiles(dataPath, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}logs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dataPath, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private static string Integrity(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private static async Task RewriteAsync(string backup, Action<string> changeDatabase)
    {
        var database = Path.Combine(backup, PortalBackup.DatabaseFileName);
        changeDatabase(database);
        var manifestPath = Path.Combine(backup, BackupManifest.FileName);
        var manifest = BackupManifest.Parse(await File.ReadAllTextAsync(manifestPath))!;
        var bytes = await File.ReadAllBytesAsync(database);
        var files = manifest.Files
            .Select(f => f.Path == PortalBackup.DatabaseFileName ? f with { Bytes = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) } : f)
            .ToList();
        var migration = manifest.Migration;
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT MAX(MigrationId) FROM __EFMigrationsHistory;";
            migration = (string)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            // A damaged file: the manifest keeps its migration.
        }

        await File.WriteAllTextAsync(manifestPath, (manifest with { Files = files, Migration = migration }).ToJson());
    }

    [Fact]
    public async Task A_backup_taken_while_the_portal_writes_restores_exactly_that_moment()
    {
        var dataPath = NewFolder("data");
        var backups = NewFolder("backups");
        BackupOutcome outcome;
        string imageUrl, lateImageUrl, deletedUrl, addedUrl;
        byte[] image;
        int writtenBefore, writtenDuring, keptId;
        using (var portal = PortalOn(dataPath))
        {
            var admin = await StaffSession.SignInAsync(portal, PortalRoles.Administrator);
            imageUrl = await admin.UploadImageAsync();
            image = await portal.CreateClient().GetByteArrayAsync(new Uri(imageUrl, UriKind.Relative));
            var kept = await portal.AddArticleAsync(TestArticles.UniqueTitle("Bài có trước bản sao lưu"), "thong-bao", DateTime.UtcNow.AddDays(-400));
            keptId = kept.Id;
            deletedUrl = $"/tin-tuc/{kept.Id}/{kept.Slug}";

            // Articles and visit counts keep being written while the backup runs.
            var counter = portal.Services.GetRequiredService<VisitCounter>();
            var written = 0;
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await portal.AddArticleAsync(TestArticles.UniqueTitle("Viết đồng thời"), "thong-bao", DateTime.UtcNow.AddDays(-400));
                    counter.RecordPageView($"visitor-{written}", kept.Id);
                    await counter.FlushAsync();
                    Interlocked.Increment(ref written);
                }
            });
            while (Volatile.Read(ref written) < 5)
            {
                await Task.Delay(10);
            }

            writtenBefore = Volatile.Read(ref written);
            outcome = await BackUpAsync(portal, backups);
            writtenDuring = Volatile.Read(ref written);
            // Let the writer finish at least one more write after the backup (a condition, not a fixed sleep).
            while (Volatile.Read(ref written) <= writtenDuring && !writer.IsCompleted)
            {
                await Task.Delay(10);
            }

            await stop.CancelAsync();
            await writer;
            Assert.True(outcome.Succeeded, outcome.Message);
            Assert.True(written > writtenBefore, "no write happened around the backup");

            // After the backup: one article deleted, one added, one more image.
            await portal.WithDbAsync(db => db.Articles.Where(a => a.Id == kept.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDeleted, true)));
            var added = await portal.AddArticleAsync(TestArticles.UniqueTitle("Bài viết sau bản sao lưu"), "thong-bao", DateTime.UtcNow.AddDays(-400));
            addedUrl = $"/tin-tuc/{added.Id}/{added.Slug}";
            lateImageUrl = await admin.UploadImageAsync();
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(portal, deletedUrl));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(portal, addedUrl));
        }

        var manifest = outcome.Manifest!;
        var database = Path.Combine(outcome.Folder!, PortalBackup.DatabaseFileName);
        Assert.Equal("ok", Integrity(database));
        Assert.False(File.Exists(database + "-wal"));
        foreach (var file in manifest.Files)
        {
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(outcome.Folder!, file.Path)))));
        }

        Assert.Contains(manifest.Files, f => "/media/" + f.Path["uploads/".Length..] == imageUrl);
        Assert.StartsWith(PortalBackup.FolderPrefix, Path.GetFileName(outcome.Folder!), StringComparison.Ordinal);

        var restored = await RestoreStoppedAsync(dataPath, outcome.Folder!);

        Assert.True(restored.Succeeded, restored.Message);
        Assert.Single(Directory.GetFiles(dataPath, "portal.db" + PortalBackup.SetAsideMarker + "*"));
        Assert.Single(Directory.GetDirectories(dataPath, "uploads" + PortalBackup.SetAsideMarker + "*"));
        Assert.False(Directory.Exists(Path.Combine(dataPath, "search-index")));
        using var after = PortalOn(dataPath);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(after, deletedUrl));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(after, addedUrl));
        Assert.Equal(image, await after.CreateClient().GetByteArrayAsync(new Uri(imageUrl, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(after, lateImageUrl));
        var articles = await after.WithDbAsync(db => db.Articles.CountAsync());
        var concurrent = await after.WithDbAsync(db => db.Articles.CountAsync(a => a.Title.StartsWith("Viết đồng thời")));
        Assert.Equal(manifest.Articles, articles);
        Assert.InRange(concurrent, writtenBefore, writtenDuring + 1);
        // Written by the same loop iteration, articles and flushed views agree: the copy is one moment.
        var views = await after.WithDbAsync(db => db.ArticleViewStats.Where(s => s.ArticleId == keptId).SumAsync(s => (long?)s.Views)) ?? 0;
        Assert.True(views >= concurrent - 1 && views <= concurrent, $"{views} views for {concurrent} articles");
    }

    [Fact]
    public async Task Attachment_files_are_backed_up_and_restored_with_the_database()
    {
        var dataPath = NewFolder("data");
        BackupOutcome outcome;
        string keptUrl, lateUrl;
        var pdf = DocumentBuilder.Pdf("Sao luu");
        using (var portal = PortalOn(dataPath))
        {
            var editor = await StaffSession.SignInAsync(portal, PortalRoles.Editor);
            keptUrl = await AttachAsync(portal, editor, "Kế hoạch.pdf", pdf);
            outcome = await BackUpAsync(portal, NewFolder("backups"));
            Assert.True(outcome.Succeeded, outcome.Message);
            lateUrl = await AttachAsync(portal, editor, "Sau sao lưu.docx", DocumentBuilder.Docx());
        }

        Assert.Contains(outcome.Manifest!.Files, f => f.Path.StartsWith("files/", StringComparison.Ordinal) && f.Path.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Manifest.Files, f => f.Path.Contains(".incoming", StringComparison.Ordinal));

        var restored = await RestoreStoppedAsync(dataPath, outcome.Folder!);

        Assert.True(restored.Succeeded, restored.Message);
        Assert.Single(Directory.GetDirectories(dataPath, "files" + PortalBackup.SetAsideMarker + "*"));
        using var after = PortalOn(dataPath);
        Assert.Equal(pdf, await after.CreateClient().GetByteArrayAsync(new Uri(keptUrl, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(after, lateUrl));
    }

    /// <summary>Attaches a file to a new public article through its edit form; the file's download address.</summary>
    private static async Task<string> AttachAsync(PortalWebApplicationFactory portal, StaffSession editor, string name, byte[] bytes)
    {
        var article = await portal.AddArticleAsync(TestArticles.UniqueTitle("Bài có tệp"), "thong-bao", DateTime.UtcNow.AddDays(-400));
        var edit = AdminUrls.Edit(AdminUrls.Articles, article.Id);
        using var saved = await AttachmentForms.PostAsync(editor, edit, await AttachmentForms.ReadAsync(editor, edit, "form-bai-viet"), (name, bytes));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var fileId = await portal.WithDbAsync(db => db.Attachments.Where(a => a.ArticleId == article.Id).Select(a => a.StoredFileId).SingleAsync());
        return SiteUrls.File(fileId, name);
    }

    [Fact]
    public async Task A_truncated_backup_is_refused_with_a_clear_message_and_nothing_is_replaced()
    {
        var (dataPath, backup) = await StoppedPortalWithBackupAsync();
        var database = Path.Combine(backup, PortalBackup.DatabaseFileName);
        var length = new FileInfo(database).Length;
        await using (var file = new FileStream(database, FileMode.Open))
        {
            file.SetLength(length / 2);
        }

        var before = Snapshot(dataPath);

        var refused = await RestoreStoppedAsync(dataPath, backup);

        Assert.False(refused.Succeeded);
        Assert.Contains("damaged", refused.Message, StringComparison.Ordinal);
        Assert.Contains("portal.db", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was restored", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dataPath));

        // Even with a manifest that agrees with the truncated file, SQLite's own check refuses it.
        await RewriteAsync(backup, _ => { });
        var checkedRefusal = await RestoreStoppedAsync(dataPath, backup);

        Assert.False(checkedRefusal.Succeeded);
        Assert.Contains("database is damaged", checkedRefusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dataPath));
    }

    [Fact]
    public async Task A_backup_made_by_a_newer_version_is_refused()
    {
        var (dataPath, backup) = await StoppedPortalWithBackupAsync();
        await RewriteAsync(backup, database =>
        {
            using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromTheFuture', '99.0.0');";
            command.ExecuteNonQuery();
        });
        var before = Snapshot(dataPath);

        var refused = await RestoreStoppedAsync(dataPath, backup);

        Assert.False(refused.Succeeded);
        Assert.Contains("newer version", refused.Message, StringComparison.Ordinal);
        Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dataPath));
    }

    [Fact]
    public async Task A_manifest_cannot_point_outside_the_backup()
    {
        var (dataPath, backup) = await StoppedPortalWithBackupAsync();
        var manifestPath = Path.Combine(backup, BackupManifest.FileName);
        var manifest = BackupManifest.Parse(await File.ReadAllTextAsync(manifestPath))!;
        await File.WriteAllTextAsync(manifestPath, (manifest with { Files = [.. manifest.Files, new BackupFile("uploads/../../../etc/passwd", 1, "00")] }).ToJson());
        var before = Snapshot(dataPath);

        var refused = await RestoreStoppedAsync(dataPath, backup);

        Assert.False(refused.Succeeded);
        Assert.Contains("outside the backup", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(dataPath));
    }

    [Fact]
    public async Task Restore_refuses_while_the_portal_runs_even_with_its_connections_idle()
    {
        using var portal = new PortalWebApplicationFactory();
        var backup = await BackUpAsync(portal, NewFolder("backups"));
        Assert.True(backup.Succeeded, backup.Message);
        await using var scope = portal.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<PortalBackup>();
        var articles = await portal.WithDbAsync(db => db.Articles.CountAsync());

        var whileOpen = await service.RestoreAsync(backup.Folder!, force: false);
        // Pooled connections closed, as after a quiet night: the running portal still holds its lock.
        SqlitePools.Clear(portal.DataPath);
        var whileIdle = await service.RestoreAsync(backup.Folder!, force: false);

        Assert.False(whileOpen.Succeeded);
        Assert.False(whileIdle.Succeeded);
        Assert.Contains("Stop the portal first", whileIdle.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(portal.DataPath, "*" + PortalBackup.SetAsideMarker + "*"));
        Assert.Equal(articles, await portal.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task The_commands_back_up_and_restore_a_stopped_portal()
    {
        var dataPath = NewFolder("data");
        var backups = NewFolder("backups");
        using (var portal = PortalOn(dataPath))
        {
            // Started and stopped: the folder holds a migrated, seeded database.
            _ = portal.Server;
        }

        var (backupCode, backupOutput) = await PortalCommandRunner.RunAsync(dataPath, "Sqlite", "backup", "--to", backups);
        Assert.True(backupCode == 0, backupOutput);
        var folder = Directory.GetDirectories(backups).Single();
        var (restoreCode, restoreOutput) = await PortalCommandRunner.RunAsync(dataPath, "Sqlite", "restore", "--force", "--from", folder);
        var (usageCode, _) = await PortalCommandRunner.RunAsync(dataPath, "Sqlite", "restore");

        Assert.True(backupCode == 0, backupOutput);
        Assert.Contains(folder, backupOutput, StringComparison.Ordinal);
        Assert.True(restoreCode == 0, restoreOutput);
        Assert.Contains("Restart the portal now", restoreOutput, StringComparison.Ordinal);
        Assert.Equal(2, usageCode);
    }

    [Fact]
    public async Task On_SQL_Server_the_backup_command_points_to_the_servers_own_tools_and_fails()
    {
        var (code, output) = await PortalCommandRunner.RunAsync(NewFolder("data"), "SqlServer", "backup", "--to", NewFolder("backups"));

        Assert.NotEqual(0, code);
        Assert.Contains("SQL Server's own tools", output, StringComparison.Ordinal);
        Assert.Contains("docs/backup.md", output, StringComparison.Ordinal);
    }
}
