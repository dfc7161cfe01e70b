using System.Globalization;
using System.Runtime.CompilerServices;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal must format dates and numbers the Vietnamese way whatever the server's culture, so
/// every HTTP test runs the app under en-US (month/day order, comma grouping) to prove it.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseUnitedStatesCulture()
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
