using DoJ.Portal.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace DoJ.Portal.Web.Security;

/// <summary>
/// Refuses passwords that are common, or a common word dressed up with digits and symbols
/// (<c>Admin@123456</c>, <c>Sunshine2024!!</c>), or made of no letters at all (<c>123456789012</c>).
/// The list is the zxcvbn-ts common-password dictionary (MIT), kept as data in Resources/.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private const string ResourceName = "DoJ.Portal.Web.Resources.common-passwords.txt";

    /// <summary>Words that would make a password guessable on this particular site.</summary>
    private static readonly string[] SiteWords = ["admin", "portal", "sotuphap", "tuphap", "matkhau", "quantri"];

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(IsWeak(password) ? IdentityResult.Failed(new IdentityError
        {
            Code = "CommonPassword",
            Description = "Mật khẩu này quá phổ biến hoặc dễ đoán. Hãy dùng một cụm từ dài, khó đoán hơn.",
        })
        : IdentityResult.Success);

    public static bool IsWeak(string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return true;
        }

        var lower = password.ToLowerInvariant();
        var core = Core(lower);
        return core.Length < 4
            || Common.Value.Contains(lower)
            || Common.Value.Contains(core)
            || SiteWords.Any(w => core == w || core.StartsWith(w, StringComparison.Ordinal) && core.Length - w.Length < 4);
    }

    /// <summary>The password without the digits and symbols people pad words with at either end.</summary>
    private static string Core(string lower) => lower.Trim().Trim("0123456789!@#$%^&*()_+-=.,;:?~`'\"[]{}<>/\\| ".ToCharArray());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim().ToLowerInvariant();
            if (word.Length > 0)
            {
                set.Add(word);
                var core = Core(word);
                if (core.Length >= 4)
                {
                    set.Add(core);
                }
            }
        }

        return set;
    }
}
