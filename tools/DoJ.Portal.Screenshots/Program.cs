// Takes the README's screenshots (docs/screenshots/*.png) from a running portal with the demo content.
// scripts/screenshots.sh starts a throwaway portal and runs this; it is not part of `dotnet test`.
// Usage: DoJ.Portal.Screenshots <portal address> <output folder>, with a staff account in
// SCREENSHOTS_EMAIL and SCREENSHOTS_PASSWORD (an administrator, for the dashboard).
using DoJ.Portal.Screenshots;

if (args.Length != 2)
{
    Console.Error.WriteLine("Usage: DoJ.Portal.Screenshots <portal address> <output folder>   (account in SCREENSHOTS_EMAIL, SCREENSHOTS_PASSWORD)");
    return 2;
}

var email = Environment.GetEnvironmentVariable("SCREENSHOTS_EMAIL");
var password = Environment.GetEnvironmentVariable("SCREENSHOTS_PASSWORD");
if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
{
    Console.Error.WriteLine("Set SCREENSHOTS_EMAIL and SCREENSHOTS_PASSWORD to an administrator's account.");
    return 2;
}

try
{
    await using var camera = await Camera.OpenAsync(args[0], args[1]);
    await Shots.TakeAllAsync(camera, email, password);
    return 0;
}
catch (Exception ex) when (ex is ShotFailedException or Microsoft.Playwright.PlaywrightException or TimeoutException)
{
    Console.Error.WriteLine("Screenshots failed: " + ex.Message);
    return 1;
}
