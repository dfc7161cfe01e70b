using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DoJ.Portal.Domain;
using DoJ.Portal.Domain.Content;
using DoJ.Portal.IntegrationTests.Infrastructure;
using DoJ.Portal.Web.Caching;
using DoJ.Portal.Web.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using MediaEntity = DoJ.Portal.Domain.Content.Media;

namespace DoJ.Portal.IntegrationTests.Media;

public sealed class ImageVariantTests(PortalWebApplicationFactory factory) : IClassFixture<PortalWebApplicationFactory>
{
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

    /// <summary>Uploads through the editor's endpoint and returns the stored row.</summary>
    private async Task<MediaEntity> UploadImageAsync(byte[] bytes, string fileName = "anh.png", string type = "image/png")
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        using var response = await UploadAsync(editor, bytes, fileName, type);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var url = json.RootElement.GetProperty("url").GetString()!;
        var name = url["/media/".Length..];
        return await factory.WithDbAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.FileName == name));
    }

    /// <summary>A JPEG carrying an EXIF block with a GPS position, as phones write them.</summary>
    private static byte[] WithGps(byte[] jpeg)
    {
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

    private static Uri Media(string name) => new("/media/" + name, UriKind.Relative);

    /// <summary>A flat-colour PNG written row by row: 40 megapixels in a few kilobytes, without a 160 MB bitmap in the test.</summary>
    private static byte[] FlatPng(int width, int height, bool interlaced = false)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        header[12] = (byte)(interlaced ? 1 : 0);
        Chunk(png, "IHDR", header);
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (var x = 0; x < width; x++)
            {
                row[1 + (x * 3)] = 30;
                row[2 + (x * 3)] = 90;
                row[3 + (x * 3)] = 160;
            }

            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();

        static void Chunk(Stream target, string type, byte[] data)
        {
            var length = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
            target.Write(length);
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            target.Write(typed);
            var crc = new byte[4];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
            target.Write(crc);
        }

        static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return ~crc;
        }
    }

    [Fact]
    public async Task An_upload_gets_WebP_and_JPEG_variants_no_wider_than_the_source_served_with_long_lived_headers()
    {
        var media = await UploadImageAsync(new ImageBuilder().Sized(1000, 600).Png());

        Assert.Equal("320,640", media.VariantWidths);
        var image = ImageRef.Of(media);
        var client = factory.CreateClient();
        foreach (var (extension, type, format) in new[] { ("webp", "image/webp", SKEncodedImageFormat.Webp), ("jpg", "image/jpeg", SKEncodedImageFormat.Jpeg) })
        {
            foreach (var width in new[] { 320, 640 })
            {
                using var response = await client.GetAsync(Media(image.VariantName(width, extension)));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
                Assert.NotNull(response.Headers.ETag);
                Assert.NotNull(response.Content.Headers.LastModified);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                using var codec = SKCodec.Create(new SKMemoryStream(bytes));
                Assert.Equal(format, codec.EncodedFormat);
                Assert.Equal(width, codec.Info.Width);
                Assert.Equal(image.HeightAt(width), codec.Info.Height);
            }
        }

        using var wider = await client.GetAsync(Media(image.VariantName(1280, "webp")));
        Assert.Equal(HttpStatusCode.NotFound, wider.StatusCode);
    }

    [Fact]
    public async Task A_revalidation_with_the_ETag_is_answered_not_modified()
    {
        var media = await UploadImageAsync(new ImageBuilder().Sized(400, 300).Png());
        var client = factory.CreateClient();
        using var first = await client.GetAsync(Media(ImageRef.Of(media).VariantName(320, "webp")));
        using var again = new HttpRequestMessage(HttpMethod.Get, Media(ImageRef.Of(media).VariantName(320, "webp")));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task Variants_of_a_phone_photo_carry_no_EXIF_or_GPS_and_the_original_is_kept_but_never_served()
    {
        var original = WithGps(new ImageBuilder().Sized(700, 500).Jpeg());
        var media = await UploadImageAsync(original, "dien-thoai.jpg", "image/jpeg");
        var client = factory.CreateClient();

        foreach (var name in new[] { media.FileName, ImageRef.Of(media).VariantName(320, "jpg"), ImageRef.Of(media).VariantName(640, "jpg"), ImageRef.Of(media).VariantName(640, "webp") })
        {
            var served = await client.GetByteArrayAsync(Media(name));
            Assert.True(served.AsSpan().IndexOf("Exif"u8) < 0, name);
            Assert.True(served.AsSpan().IndexOf("GPS"u8) < 0, name);
        }

        Assert.NotNull(media.OriginalFileName);
        Assert.StartsWith("originals/", media.OriginalFileName, StringComparison.Ordinal);
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(factory.DataPath, "uploads", media.OriginalFileName)));
        using var response = await client.GetAsync(Media(media.OriginalFileName));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var guessed = media.OriginalFileName["originals/".Length..];
        using var guess = await client.GetAsync(Media(Path.ChangeExtension(guessed, ".jpg")));
        Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        Assert.True((await guess.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("GPS"u8) < 0);
    }

    [Fact]
    public async Task A_twenty_megabyte_upload_is_refused_and_nothing_is_stored()
    {
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Media.CountAsync());
        var big = new byte[20 * 1024 * 1024];
        new ImageBuilder().Png().CopyTo(big, 0);

        using var response = await UploadAsync(editor, big, "lon.png", "image/png");

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task A_forty_megapixel_JPEG_is_accepted_and_decoded_downsampled()
    {
        byte[] jpeg;
        using (var gray = new SKBitmap(new SKImageInfo(8000, 5000, SKColorType.Gray8, SKAlphaType.Opaque)))
        {
            gray.Erase(new SKColor(120, 120, 120));
            using var image = SKImage.FromBitmap(gray);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            jpeg = data.ToArray();
        }

        var media = await UploadImageAsync(jpeg, "toan-canh.jpg", "image/jpeg");

        Assert.Equal(MediaStore.MaxStoredWidth, media.Width);
        Assert.Equal(1200, media.Height);
        Assert.Equal("320,640,1280", media.VariantWidths);
        var variant = await factory.CreateClient().GetByteArrayAsync(Media(ImageRef.Of(media).VariantName(1280, "jpg")));
        using var bitmap = SKBitmap.Decode(variant);
        Assert.Equal(1280, bitmap.Width);
        Assert.Equal(800, bitmap.Height);
        Assert.InRange(bitmap.GetPixel(640, 400).Red, 110, 130);
    }

    [Fact]
    public async Task A_forty_megapixel_PNG_is_accepted_and_decoded_row_by_row_downsampled()
    {
        var png = FlatPng(8000, 5000);
        Assert.True(png.Length < 1024 * 1024);

        var media = await UploadImageAsync(png, "toan-canh.png", "image/png");

        Assert.Equal(MediaStore.MaxStoredWidth, media.Width);
        Assert.Equal(1200, media.Height);
        Assert.Equal("320,640,1280", media.VariantWidths);
        var variant = await factory.CreateClient().GetByteArrayAsync(Media(ImageRef.Of(media).VariantName(1280, "jpg")));
        using var bitmap = SKBitmap.Decode(variant);
        Assert.Equal((1280, 800), (bitmap.Width, bitmap.Height));
        var pixel = bitmap.GetPixel(640, 400);
        Assert.InRange(pixel.Red, 20, 40);
        Assert.InRange(pixel.Green, 80, 100);
        Assert.InRange(pixel.Blue, 150, 170);
    }

    [Fact]
    public async Task A_forty_megapixel_interlaced_PNG_is_refused_with_a_reason_and_nothing_is_stored()
    {
        var png = FlatPng(8000, 5000, interlaced: true);
        var editor = await StaffSession.SignInAsync(factory, PortalRoles.Editor);
        var before = await factory.WithDbAsync(db => db.Media.CountAsync());

        using var response = await UploadAsync(editor, png, "toan-canh.png", "image/png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("xen kẽ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Media.CountAsync()));
    }

    [Fact]
    public async Task A_JPEG_with_a_zip_and_HTML_appended_is_stored_without_them()
    {
        var polyglot = new ImageBuilder().Sized(400, 300).Jpeg()
            .Concat("PK\u0003\u0004<html><script>alert(1)</script></html>"u8.ToArray()).ToArray();

        var media = await UploadImageAsync(polyglot, "anh.jpg", "image/jpeg");

        var client = factory.CreateClient();
        foreach (var name in new[] { media.FileName, ImageRef.Of(media).VariantName(320, "jpg"), ImageRef.Of(media).VariantName(320, "webp") })
        {
            var served = await client.GetByteArrayAsync(Media(name));
            Assert.True(served.AsSpan().IndexOf("<script"u8) < 0, name);
            Assert.True(served.AsSpan().IndexOf("PK\u0003\u0004"u8) < 0, name);
        }
    }

    [Fact]
    public async Task Conversion_makes_the_variants_of_an_image_copied_in_without_them()
    {
        var name = $"2026/11/{Guid.NewGuid():N}.png";
        var path = Path.Combine(factory.DataPath, "uploads", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, new ImageBuilder().Sized(900, 600).Png());
        var id = await factory.WithDbAsync(async db =>
        {
            var media = new MediaEntity { FileName = name, OriginalName = "cu.png", ContentType = "image/png", Width = 900, Height = 600, AltText = "Ảnh cũ", VariantWidths = "" };
            db.Media.Add(media);
            await db.SaveChangesAsync();
            return media.Id;
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ImageConversion>().ConvertWaitingAsync(null);
        }

        var converted = await factory.WithDbAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal("320,640", converted.VariantWidths);
        using var response = await factory.CreateClient().GetAsync(Media(ImageRef.Of(converted).VariantName(640, "webp")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_jobs_screen_starts_the_conversion_of_waiting_images()
    {
        var name = $"2026/10/{Guid.NewGuid():N}.jpg";
        var path = Path.Combine(factory.DataPath, "uploads", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, new ImageBuilder().Sized(500, 400).Jpeg());
        var id = await factory.WithDbAsync(async db =>
        {
            var media = new MediaEntity { FileName = name, OriginalName = "cu.jpg", ContentType = "image/jpeg", Width = 500, Height = 400, AltText = "Ảnh cũ" };
            db.Media.Add(media);
            await db.SaveChangesAsync();
            return media.Id;
        });
        var admin = await StaffSession.SignInAsync(factory, PortalRoles.Administrator);
        var page = await admin.Client.GetStringAsync(new Uri("/quan-tri/tac-vu", UriKind.Relative));
        Assert.Contains("Các cỡ ảnh", page, StringComparison.Ordinal);

        using var response = await admin.PostFormAsync("/quan-tri/tac-vu", "/quan-tri/tac-vu/tao-co-anh", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var jobs = factory.Services.GetRequiredService<DoJ.Portal.Web.Operations.BackgroundJobs>();
        await jobs.WhenFinishedAsync(Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]));
        Assert.Equal("320", await factory.WithDbAsync(db => db.Media.Where(m => m.Id == id).Select(m => m.VariantWidths).SingleAsync()));
    }

    [Fact]
    public async Task An_article_with_a_lead_image_shows_it_responsive_on_its_page_and_in_lists_and_shares_it_as_a_raster_og_image()
    {
        var media = await UploadImageAsync(new ImageBuilder().Sized(1600, 900).Jpeg(), "giai-thuong.jpg", "image/jpeg");
        var title = TestArticles.UniqueTitle("Trao giải có ảnh");
        var article = await factory.AddArticleAsync(title, "tin-hoat-dong", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            stored.LeadImageId = media.Id;
            stored.LeadImageAlt = "Lãnh đạo Sở trao bằng khen";
            stored.LeadImageCaption = "Lễ trao giải năm 2026";
            await db.SaveChangesAsync();
        });
        await factory.Services.GetRequiredService<PublicCache>().ArticleChangedAsync(article.Id, new ArticlePlacement(article.CategoryId, article.PublishedAtUtc));
        var client = factory.CreateClient();

        var page = await client.GetDocumentAsync($"/tin-tuc/{article.Id}/{article.Slug}");

        var figure = page.QuerySelector("figure.article-lead-image")!;
        Assert.NotNull(figure);
        Assert.Contains("-1280.webp 1280w", figure.QuerySelector("source[type='image/webp']")!.GetAttribute("srcset"), StringComparison.Ordinal);
        var img = figure.QuerySelector("img")!;
        Assert.Equal("Lãnh đạo Sở trao bằng khen", img.GetAttribute("alt"));
        Assert.Equal("1280", img.GetAttribute("width"));
        Assert.Equal("720", img.GetAttribute("height"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("Lễ trao giải năm 2026", figure.QuerySelector("figcaption")!.TextContent);
        var og = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Equal("https://portal.example.vn/media/" + ImageRef.Of(media).VariantName(1280, "jpg"), og);
        Assert.Equal("720", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        Assert.Equal("Lãnh đạo Sở trao bằng khen", page.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        Assert.Contains(ImageRef.Of(media).VariantName(1280, "jpg"), page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        var list = await client.GetDocumentAsync("/chuyen-muc/tin-hoat-dong");
        var item = list.QuerySelectorAll("li.article-item").Single(li => li.TextContent.Contains(title, StringComparison.Ordinal));
        var thumb = item.QuerySelector("picture img")!;
        Assert.Equal("lazy", thumb.GetAttribute("loading"));
        Assert.Equal("Lãnh đạo Sở trao bằng khen", thumb.GetAttribute("alt"));
        Assert.NotNull(thumb.GetAttribute("width"));
        Assert.NotNull(thumb.GetAttribute("height"));
    }

    [Fact]
    public async Task A_page_without_a_lead_image_shares_the_default_raster_card()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/");

        var og = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Equal("https://portal.example.vn" + OpenGraphImage.DefaultPath, og);
        Assert.Equal("1200", page.QuerySelector("meta[property='og:image:width']")!.GetAttribute("content"));
        Assert.Equal("630", page.QuerySelector("meta[property='og:image:height']")!.GetAttribute("content"));
        using var response = await client.GetAsync(new Uri(OpenGraphImage.DefaultPath, UriKind.Relative));
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(630, bitmap.Height);
    }
}
