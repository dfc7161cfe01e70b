using DoJ.Portal.Data;

namespace DoJ.Portal.UnitTests.Storage;

public sealed class StorageOptionsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "portal-root");

    [Fact]
    public void Without_an_uploads_path_uploads_go_under_the_data_folder()
    {
        var storage = new StorageOptions { DataPath = "App_Data" }.Resolve(Root);

        Assert.Equal(Path.Combine(Root, "App_Data"), storage.DataPath);
        Assert.Null(storage.UploadsPath);
        Assert.Equal(Path.Combine(Root, "App_Data", "uploads"), storage.UploadsRoot);
    }

    [Fact]
    public void An_uploads_path_moves_uploads_out_of_the_data_folder()
    {
        var shared = Path.Combine(Path.GetTempPath(), "shared", "uploads");

        var storage = new StorageOptions { DataPath = "/srv/instance-a", UploadsPath = shared + Path.DirectorySeparatorChar }.Resolve(Root);

        Assert.Equal(shared, storage.UploadsRoot);
        Assert.False(storage.UploadsRoot.StartsWith(storage.DataPath, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_uploads_path_means_the_default(string blank)
    {
        var storage = new StorageOptions { DataPath = "data", UploadsPath = blank }.Resolve(Root);

        Assert.Equal(Path.Combine(Root, "data", "uploads"), storage.UploadsRoot);
    }

    [Fact]
    public void A_relative_uploads_path_is_under_the_content_root()
    {
        var storage = new StorageOptions { UploadsPath = "shared-uploads" }.Resolve(Root);

        Assert.Equal(Path.Combine(Root, "shared-uploads"), storage.UploadsRoot);
    }
}
