using System.Net;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;

namespace DoJ.Portal.IntegrationTests.Foundation;

/// <summary><c>Storage:UploadsPath</c>: instances that each keep their own data folder share one uploads folder.</summary>
public sealed class SharedUploadsTests
{
    [Fact]
    public async Task An_image_uploaded_on_one_instance_is_served_by_another_that_shares_the_uploads_folder()
    {
        var shared = Path.Combine(Path.GetTempPath(), "doj-portal-tests", "shared-uploads-" + Guid.NewGuid().ToString("N"));
        using var first = new PortalWebApplicationFactory().With("Storage:UploadsPath", shared);
        using var second = new PortalWebApplicationFactory().With("Storage:UploadsPath", shared);
        var editor = await StaffSession.SignInAsync(first, PortalRoles.Editor);

        var url = await editor.UploadImageAsync();

        using var fromSecond = await second.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, fromSecond.StatusCode);
        Assert.Equal("image/png", fromSecond.Content.Headers.ContentType!.MediaType);
        var stored = Path.Combine(shared, url["/media/".Length..]);
        Assert.True(File.Exists(stored), stored);
        Assert.False(Directory.Exists(Path.Combine(first.DataPath, "uploads")), "the first instance's data folder holds uploads");
        Assert.False(Directory.Exists(Path.Combine(second.DataPath, "uploads")), "the second instance's data folder holds uploads");
        Directory.Delete(shared, recursive: true);
    }

    [Fact]
    public async Task Without_an_uploads_path_an_instance_keeps_its_images_in_its_data_folder()
    {
        using var portal = new PortalWebApplicationFactory();
        using var other = new PortalWebApplicationFactory();
        var editor = await StaffSession.SignInAsync(portal, PortalRoles.Editor);

        var url = await editor.UploadImageAsync();

        Assert.True(File.Exists(Path.Combine(portal.DataPath, "uploads", url["/media/".Length..])));
        using var fromOther = await other.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, fromOther.StatusCode);
    }
}
