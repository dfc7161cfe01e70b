namespace DoJ.Portal.DemoPhotos;

/// <summary>Entry point (not top-level statements, so no global <c>Program</c> type clashes with the portal's).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length is not (1 or 2) || (args.Length == 2 && args[1] != "--png"))
        {
            Console.Error.WriteLine("usage: dotnet run --project tools/DoJ.Portal.DemoPhotos -- <output folder> [--png]");
            return 2;
        }

        Directory.CreateDirectory(args[0]);
        foreach (var scene in Scenes.All)
        {
            var path = Path.Combine(args[0], scene.Name + ".jpg");
            var bytes = SceneRenderer.Render(scene);
            if (args.Length == 2)
            {
                // A lossless copy to look at (some viewers show PNG only).
                using var image = SkiaSharp.SKImage.FromEncodedData(bytes);
                using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
                File.WriteAllBytes(Path.Combine(args[0], scene.Name + ".png"), png.ToArray());
            }

            File.WriteAllBytes(path, bytes);
            Console.WriteLine($"{scene.Name}.jpg {bytes.Length / 1024} KB");
        }

        return 0;
    }
}
