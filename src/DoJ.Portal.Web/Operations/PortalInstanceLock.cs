namespace DoJ.Portal.Web.Operations;

/// <summary>
/// While the portal runs it holds <c>{Storage:DataPath}/portal.running</c> open with a shared lock (several
/// instances may share a folder), so <c>restore</c> can tell a running portal even when its idle database
/// connections have been closed. The operating system drops the lock when the process ends, crash included.
/// </summary>
public sealed class PortalInstanceLock(Microsoft.Extensions.Options.IOptions<Data.StorageOptions> storage, ILogger<PortalInstanceLock> logger) : IHostedService, IDisposable
{
    public const string FileName = "portal.running";

    private FileStream? held;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(storage.Value.DataPath);
            held = new FileStream(Path.Combine(storage.Value.DataPath, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not hold {File}: restore cannot tell that this portal is running", FileName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        held?.Dispose();
        held = null;
    }

    /// <summary>True when some portal process holds the lock on <paramref name="dataPath"/>.</summary>
    public static bool IsHeld(string dataPath)
    {
        var path = Path.Combine(dataPath, FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            // An exclusive open fails while any shared holder is alive.
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
