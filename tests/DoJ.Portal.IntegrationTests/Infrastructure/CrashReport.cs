using System.Runtime.CompilerServices;

namespace DoJ.Portal.IntegrationTests.Infrastructure;

/// <summary>
/// An exception nothing caught ends the test host without a word in the test log ("Test host process crashed"):
/// this writes it to standard error and to <c>{temp}/doj-portal-tests/crash-{pid}.txt</c> first, so a CI log says
/// which thread and which code ended the run.
/// </summary>
internal static class CrashReport
{
    [ModuleInitializer]
    internal static void Register() => AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    {
        var text = $"Unhandled exception (terminating: {e.IsTerminating}) on thread {Environment.CurrentManagedThreadId} '{Thread.CurrentThread.Name}':\n{e.ExceptionObject}";
        Console.Error.WriteLine(text);
        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "doj-portal-tests");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"crash-{Environment.ProcessId}.txt"), text);
        }
#pragma warning disable CA1031 // Nothing more can be done while the process ends.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    };
}
