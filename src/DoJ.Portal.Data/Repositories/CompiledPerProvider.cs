using System.Collections.Concurrent;

namespace DoJ.Portal.Data.Repositories;

/// <summary>
/// A compiled query (<c>EF.CompileAsyncQuery</c>) is translated once, for the provider of the first context that runs
/// it, and then runs that SQL on every context. The portal runs one provider a process, but a process may hold both
/// (the tests check every repository query against SQL Server's parser beside SQLite): one compiled query per provider.
/// </summary>
public sealed class CompiledPerProvider<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<string, TQuery> byProvider = new(StringComparer.Ordinal);

    public TQuery For(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return byProvider.GetOrAdd(db.ProviderName, static (_, compile) => compile(), compile);
    }
}
