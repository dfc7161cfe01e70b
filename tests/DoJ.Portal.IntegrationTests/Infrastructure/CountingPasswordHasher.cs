using DoJ.Portal.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// Identity's password hasher, configured as the portal configures it, counting every hash and
/// verification: the work of a sign-in attempt is counted, never timed.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<PortalUser>
{
    private IPasswordHasher<PortalUser>? inner;
    private int calls;

    /// <summary>Hashes and verifications since the last <see cref="Reset"/>.</summary>
    public int Calls => Volatile.Read(ref calls);

    public void Reset() => Interlocked.Exchange(ref calls, 0);

    /// <summary>Makes this the host's hasher (for a factory's <c>ConfigureServices</c>).</summary>
    public void Register(IServiceCollection services) =>
        services.AddSingleton<IPasswordHasher<PortalUser>>(provider =>
        {
            inner = new PasswordHasher<PortalUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>());
            return this;
        });

    public string HashPassword(PortalUser user, string password)
    {
        Interlocked.Increment(ref calls);
        return Inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref calls);
        return Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    private IPasswordHasher<PortalUser> Inner => inner ?? throw new InvalidOperationException("Register the hasher first.");
}
