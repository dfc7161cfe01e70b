namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// Entry point. Not top-level statements: those would declare a global <c>Program</c>, which clashes with the
/// portal's in the integration tests, which reference both.
/// </summary>
internal static class Program
{
    private static Task<int> Main(string[] args) => DatasetTool.RunAsync(args, Console.Out);
}
