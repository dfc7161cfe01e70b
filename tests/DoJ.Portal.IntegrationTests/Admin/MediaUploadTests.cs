using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DoJ.Portal.IntegrationTests.Admin;

public sealed class MediaUploadTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
    /// <summary>A JPEG carrying an EXIF block with a GPS position, as phones write them.</summary>
    private static byte[] JpegWithGps()
    {
        var jpeg = new ImageBuilder().Jpeg();
        // TIFF header (big-endian), IFD0 with one entry: GPSInfo (0x8825) → GPS IFD with GPSLatitudeRef "N".
        byte[] tiff =
        [
            0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01, 0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x1A, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x4E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).Concat(Encoding.ASCII.GetBytes("GPS 16.4637N 107.5909E")).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF)];
        return jpeg[..2].Concat(app1).Concat(payload).Concat(jpeg[2..]).ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(StaffSession session, byte[] bytes, string fileName, string contentType)
    {
        var token = await session.TokenAsync("/quan-tri/thu-vien-anh");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/quan-tri/thu-vien-anh/tai-len", UriKind.Relative)) { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        return await session.Client.SendAsync(request);
    }

    private static async Task<string> UrlOfAsync(HttpResponseMessage response)
    {
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("url").GetString()!;
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "anh.png", "image/png")]
    [InlineData(SKEncodedImageFormat.Jpeg, "anh.jpg", "image/jpeg")]
    [InlineData(SKEncodedImageFormat.Webp, "anh.webp", "image/webp")]
    public async Task A_valid_image_is_stored_under_a_generated_name_and_served_safely(SKEncodedImageFormat format, string name, string type)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);

        using var response = await UploadAsync(editor, new ImageBuilder().Build(format), name, type);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var url = await UrlOfAsync(response);
        Assert.Matches(@"^/media/\d{4}/\d{2}/[0-9a-f]{32}\.(jpg|png)$", url);
        Assert.DoesNotContain("anh", url, StringComparison.Ordinal);
        using var served = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.StartsWith("image/", served.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("max-age=31536000", served.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "media")));
        Assert.StartsWith(factory.DataPath, Directory.GetFiles(Path.Combine(factory.DataPath, "uploads"), "*", SearchOption.AllDirectories).First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exif_and_GPS_data_are_gone_after_upload()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var original = JpegWithGps();
        Assert.True(original.AsSpan().IndexOf("Exif"u8) > 0);
        Assert.True(original.AsSpan().IndexOf("GPS"u8) > 0);

        using var response = await UploadAsync(editor, original, "dien-thoai.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await factory.CreateClient().GetByteArrayAsync(new Uri(await UrlOfAsync(response), UriKind.Relative));

        Assert.True(stored.AsSpan().IndexOf("Exif"u8) < 0);
        Assert.True(stored.AsSpan().IndexOf("GPS"u8) < 0);
        Assert.Equal(0xFF, stored[0]);
        Assert.Equal(0xD8, stored[1]);
    }

    [Theory]
    [InlineData("<?php system($_GET['c']); ?>", "shell.jpg", "image/jpeg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"5\"/></svg>", "logo.svg", "image/svg+xml")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "anh.png", "image/png")]
    [InlineData("GIF89a<script>alert(1)</script>", "anh.gif", "image/gif")]
    [InlineData("", "rong.jpg", "image/jpeg")]
    public async Task Files_that_are_not_images_are_refused_whatever_their_name(string content, string name, string type)
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Media.CountAsync());

        using var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(content), name, type);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task An_image_over_the_configured_ten_megabytes_gets_a_clear_message()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var big = new byte[(10 * 1024 * 1024) + 100];
        new ImageBuilder().Png().CopyTo(big, 0);

        using var response = await UploadAsync(editor, big, "lon.png", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("(10 MB)", System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/media/2026/11/../../../../etc/passwd")]
    [InlineData("/media/2026/11/abc.jpg")]
    [InlineData("/media/2026/11/0123456789abcdef0123456789abcdef.svg")]
    [InlineData("/media/2026/11/0123456789abcdef0123456789abcdef.jpg")]
    public async Task Only_stored_images_are_served(string url)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
