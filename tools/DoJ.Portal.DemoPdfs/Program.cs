namespace DoJ.Portal.DemoPdfs;

/// <summary>Entry point (not top-level statements, so no global <c>Program</c> type clashes with the portal's).</summary>
internal static class Program
{
    private static int Main(string[] args) => PdfTool.Run(args, Console.Out);
}
