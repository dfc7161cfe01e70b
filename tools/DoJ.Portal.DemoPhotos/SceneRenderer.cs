using SkiaSharp;

namespace DoJ.Portal.DemoPhotos;

/// <summary>
/// Draws a demo photo with SkiaSharp: shapes, gradients, a soft focus on the foreground and a vignette, so the demo
/// pages show pictures without shipping anyone's photographs (licence-clean, a few dozen KB each).
/// </summary>
internal static class SceneRenderer
{
    public const int Width = 1280;
    public const int Height = 853;
    public const string RegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string BoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private static readonly SKColor[] Skin = [new(0xE8, 0xC3, 0x9E), new(0xD9, 0xAE, 0x86), new(0xF0, 0xCF, 0xAE), new(0xC9, 0x9B, 0x73)];
    private static readonly SKColor[] Hair = [new(0x1B, 0x16, 0x14), new(0x2B, 0x22, 0x1C), new(0x14, 0x12, 0x12), new(0x3A, 0x2C, 0x22)];
    private static readonly SKColor[] Suits = [new(0x22, 0x2A, 0x36), new(0x2F, 0x33, 0x3A), new(0x1E, 0x24, 0x30), new(0x3B, 0x3F, 0x45)];
    private static readonly SKColor[] AoDai = [new(0xC8, 0x1D, 0x3A), new(0x1F, 0x5F, 0xA8), new(0xE3, 0xB5, 0x0F), new(0xF4, 0xF1, 0xE8), new(0x8E, 0x2C, 0x8A)];
    private static readonly SKColor[] Petals = [new(0xE8, 0x3A, 0x4C), new(0xF6, 0xC3, 0x2B), new(0xF2, 0x8A, 0xB0), new(0xFF, 0xFF, 0xFF), new(0xE5, 0x6B, 0x1F)];

    public static byte[] Render(Scene scene)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        var random = new Random(scene.Seed);
        switch (scene.Setting)
        {
            case Setting.Hall:
                DrawHall(canvas, scene, random);
                break;
            case Setting.Outdoor:
                DrawOutdoor(canvas, scene, random);
                break;
            case Setting.Classroom:
                DrawClassroom(canvas, scene, random);
                break;
            default:
                DrawMedal(canvas, scene);
                break;
        }

        DrawVignette(canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 60);
        return data.ToArray();
    }

    private static void DrawHall(SKCanvas canvas, Scene scene, Random random)
    {
        Fill(canvas, new SKRect(0, 0, Width, Height), new(0x5A, 0x4A, 0x3C), new(0x2E, 0x25, 0x1E));
        // The backdrop with its banner, the emblem's star and gold trim.
        var backdrop = new SKRect(120, 50, 1160, 440);
        Fill(canvas, backdrop, Lighter(scene.Backdrop, 0.15f), Darker(scene.Backdrop, 0.2f));
        using (var trim = new SKPaint { Color = new SKColor(0xE9, 0xC4, 0x4C), Style = SKPaintStyle.Stroke, StrokeWidth = 6, IsAntialias = true })
        {
            canvas.DrawRect(new SKRect(backdrop.Left + 14, backdrop.Top + 14, backdrop.Right - 14, backdrop.Bottom - 14), trim);
        }

        DrawStar(canvas, new SKPoint(640, 125), 42, new SKColor(0xF7, 0xD3, 0x3C));
        DrawFittedText(canvas, scene.Banner, 640, 255, 960, 54, new SKColor(0xFB, 0xE0, 0x6A), bold: true);
        DrawFittedText(canvas, scene.SubBanner, 640, 330, 760, 34, SKColors.White, bold: false);
        if (scene.Blossom)
        {
            DrawBlossomTree(canvas, new SKPoint(230, 440), random);
            DrawBlossomTree(canvas, new SKPoint(1060, 440), random);
        }

        // The stage.
        using (var stage = Polygon(new SKPoint(60, 440), new SKPoint(1220, 440), new SKPoint(1280, 560), new SKPoint(0, 560)))
        {
            using var wood = new SKPaint { IsAntialias = true, Shader = SKShader.CreateLinearGradient(new SKPoint(0, 440), new SKPoint(0, 560), [new SKColor(0x8A, 0x5A, 0x35), new SKColor(0x5B, 0x3A, 0x22)], SKShaderTileMode.Clamp) };
            canvas.DrawPath(stage, wood);
        }

        if (scene.SeatedAtTable > 0)
        {
            DrawTable(canvas, scene.SeatedAtTable, random);
        }

        if (scene.StageFigures > 0)
        {
            var spacing = Math.Min(170f, 900f / scene.StageFigures);
            var start = 640 - (spacing * (scene.StageFigures - 1) / 2);
            for (var i = 0; i < scene.StageFigures; i++)
            {
                var female = scene.Bouquets ? i % 2 == 1 : i % 3 == 2;
                var x = start + (i * spacing);
                if (scene.Handshake)
                {
                    x = i == 0 ? 560 : 720;
                }

                DrawStandingPerson(canvas, x, 505, 1.0f, female, random, certificate: scene.Certificates && !(scene.Handshake && i == 0), bouquet: scene.Bouquets && i % 2 == 0, facing: scene.Handshake ? (i == 0 ? 1 : -1) : 0);
            }

            if (scene.Handshake)
            {
                using var sleeve = new SKPaint { Color = Suits[0], IsAntialias = true, StrokeWidth = 16, StrokeCap = SKStrokeCap.Round };
                canvas.DrawLine(590, 395, 640, 410, sleeve);
                canvas.DrawLine(690, 395, 645, 410, sleeve);
                using var hands = new SKPaint { Color = Skin[0], IsAntialias = true };
                canvas.DrawCircle(642, 410, 11, hands);
            }
        }

        // Flower pots along the stage front.
        for (var x = 40f; x < Width; x += 95)
        {
            DrawFlowerPot(canvas, x + random.Next(-8, 8), 565, random);
        }

        DrawAudience(canvas, scene.AudienceRows, random, top: 640);
    }

    private static void DrawOutdoor(SKCanvas canvas, Scene scene, Random random)
    {
        Fill(canvas, new SKRect(0, 0, Width, 430), new SKColor(0x7F, 0xB5, 0xE6), new SKColor(0xCF, 0xE6, 0xF5));
        // Hills and trees on the horizon.
        using (var hill = new SKPaint { Color = new SKColor(0x5E, 0x8C, 0x5A), IsAntialias = true })
        {
            canvas.DrawOval(new SKRect(-200, 300, 700, 560), hill);
            hill.Color = new SKColor(0x4F, 0x7D, 0x4C);
            canvas.DrawOval(new SKRect(500, 280, 1500, 580), hill);
        }

        for (var i = 0; i < 14; i++)
        {
            DrawTree(canvas, (i * 97) + random.Next(-20, 20), 400 + random.Next(-15, 15), 40 + random.Next(0, 30), random);
        }

        Fill(canvas, new SKRect(0, 420, Width, Height), new SKColor(0xB8, 0xA0, 0x6E), new SKColor(0x8C, 0x74, 0x4C));
        // Two tents with the banner across the larger one.
        DrawTent(canvas, new SKRect(150, 250, 880, 560), Lighter(scene.Backdrop, 0.1f));
        DrawTent(canvas, new SKRect(860, 300, 1230, 560), new SKColor(0xF2, 0xF2, 0xEE));
        var banner = new SKRect(190, 300, 840, 380);
        Fill(canvas, banner, scene.Backdrop, Darker(scene.Backdrop, 0.2f));
        DrawFittedText(canvas, scene.Banner, banner.MidX, 336, banner.Width - 40, 34, new SKColor(0xFB, 0xE0, 0x6A), bold: true);
        DrawFittedText(canvas, scene.SubBanner, banner.MidX, 368, banner.Width - 60, 20, SKColors.White, bold: false);
        // Desks under the tent, staff behind them and people in front.
        using (var desk = new SKPaint { Color = new SKColor(0xEE, 0xEB, 0xE0), IsAntialias = true })
        {
            canvas.DrawRect(new SKRect(230, 480, 560, 540), desk);
            canvas.DrawRect(new SKRect(600, 480, 830, 540), desk);
        }

        for (var i = 0; i < 4; i++)
        {
            DrawSeatedPerson(canvas, 290 + (i * 150), 478, 0.8f, i % 2 == 1, random);
        }

        for (var i = 0; i < 7; i++)
        {
            DrawStandingPerson(canvas, 90 + (i * 175) + random.Next(-25, 25), 700 + random.Next(-20, 20), 1.25f, i % 3 == 1, random, certificate: false, bouquet: false, facing: 0, fromBehind: true);
        }

        DrawAudience(canvas, scene.AudienceRows, random, top: 760);
    }

    private static void DrawClassroom(SKCanvas canvas, Scene scene, Random random)
    {
        Fill(canvas, new SKRect(0, 0, Width, Height), new SKColor(0xE4, 0xDF, 0xD2), new SKColor(0xB9, 0xB2, 0xA2));
        // The projector screen with the course's first slide.
        var screen = new SKRect(330, 60, 950, 400);
        using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 60), ImageFilter = SKImageFilter.CreateBlur(12, 12) })
        {
            canvas.DrawRect(new SKRect(screen.Left + 8, screen.Top + 10, screen.Right + 8, screen.Bottom + 10), shadow);
        }

        using (var white = new SKPaint { Color = new SKColor(0xFA, 0xFA, 0xF7) })
        {
            canvas.DrawRect(screen, white);
        }

        Fill(canvas, new SKRect(screen.Left, screen.Top, screen.Right, screen.Top + 90), scene.Backdrop, Darker(scene.Backdrop, 0.2f));
        DrawFittedText(canvas, scene.Banner, screen.MidX, screen.Top + 56, screen.Width - 40, 30, SKColors.White, bold: true);
        DrawFittedText(canvas, scene.SubBanner, screen.MidX, screen.Top + 140, screen.Width - 80, 26, new SKColor(0x33, 0x33, 0x33), bold: false);
        using (var line = new SKPaint { Color = new SKColor(0x9A, 0xA4, 0xB0), StrokeWidth = 8, StrokeCap = SKStrokeCap.Round })
        {
            for (var i = 0; i < 5; i++)
            {
                canvas.DrawLine(screen.Left + 70, screen.Top + 190 + (i * 38), screen.Right - 90 - random.Next(0, 220), screen.Top + 190 + (i * 38), line);
            }
        }

        // A lecturer beside the screen, then rows of desks seen from the back.
        DrawStandingPerson(canvas, 1060, 520, 1.0f, female: true, random, certificate: false, bouquet: false, facing: -1);
        for (var row = 0; row < 3; row++)
        {
            var y = 520 + (row * 95);
            var scale = 0.85f + (row * 0.18f);
            using var desk = new SKPaint { Color = new SKColor(0x9C, 0x6B, 0x43), IsAntialias = true };
            canvas.DrawRect(new SKRect(40, y + (40 * scale), 1240, y + (62 * scale)), desk);
            for (var x = 100f + (row * 30); x < 1220; x += 150 * scale)
            {
                DrawSeatedPerson(canvas, x + random.Next(-10, 10), y, scale, random.Next(0, 3) == 0, random, fromBehind: true);
            }
        }

        DrawAudience(canvas, scene.AudienceRows - 3, random, top: 800);
    }

    private static void DrawMedal(SKCanvas canvas, Scene scene)
    {
        // A medal on red velvet, seen close.
        using (var velvet = new SKPaint { Shader = SKShader.CreateRadialGradient(new SKPoint(640, 420), 800, [Lighter(scene.Backdrop, 0.1f), Darker(scene.Backdrop, 0.55f)], SKShaderTileMode.Clamp) })
        {
            canvas.DrawRect(new SKRect(0, 0, Width, Height), velvet);
        }

        using (var ribbon = Polygon(new SKPoint(520, 60), new SKPoint(760, 60), new SKPoint(760, 330), new SKPoint(640, 390), new SKPoint(520, 330)))
        {
            using var stripes = new SKPaint
            {
                IsAntialias = true,
                Shader = SKShader.CreateLinearGradient(new SKPoint(520, 0), new SKPoint(760, 0),
                    [new SKColor(0xC6, 0x1A, 0x22), new SKColor(0xC6, 0x1A, 0x22), new SKColor(0xF2, 0xC1, 0x2E), new SKColor(0xF2, 0xC1, 0x2E), new SKColor(0xC6, 0x1A, 0x22), new SKColor(0xC6, 0x1A, 0x22)],
                    [0f, 0.38f, 0.38f, 0.62f, 0.62f, 1f], SKShaderTileMode.Clamp),
            };
            canvas.DrawPath(ribbon, stripes);
        }

        var centre = new SKPoint(640, 540);
        using (var shadow = new SKPaint { Color = new SKColor(0, 0, 0, 110), ImageFilter = SKImageFilter.CreateBlur(18, 18), IsAntialias = true })
        {
            canvas.DrawCircle(centre.X + 14, centre.Y + 18, 215, shadow);
        }

        using (var gold = new SKPaint { IsAntialias = true, Shader = SKShader.CreateRadialGradient(new SKPoint(590, 470), 320, [new SKColor(0xFF, 0xEA, 0x9A), new SKColor(0xD4, 0xA0, 0x2A), new SKColor(0x8A, 0x62, 0x12)], SKShaderTileMode.Clamp) })
        {
            canvas.DrawCircle(centre, 215, gold);
        }

        using (var rim = new SKPaint { Color = new SKColor(0x7A, 0x55, 0x10), Style = SKPaintStyle.Stroke, StrokeWidth = 5, IsAntialias = true })
        {
            canvas.DrawCircle(centre, 182, rim);
        }

        DrawStar(canvas, new SKPoint(640, 470), 60, new SKColor(0xC6, 0x1A, 0x22));
        DrawFittedText(canvas, scene.Banner, 640, 585, 300, 30, new SKColor(0x5A, 0x3A, 0x08), bold: true);
        DrawFittedText(canvas, scene.SubBanner, 640, 630, 260, 24, new SKColor(0x5A, 0x3A, 0x08), bold: false);
    }

    private static void DrawTable(SKCanvas canvas, int seated, Random random)
    {
        var spacing = 820f / seated;
        for (var i = 0; i < seated; i++)
        {
            DrawSeatedPerson(canvas, 640 - 410 + (spacing / 2) + (i * spacing), 455, 0.95f, i % 3 == 1, random);
        }

        var cloth = new SKRect(200, 470, 1080, 560);
        Fill(canvas, cloth, new SKColor(0x2A, 0x5C, 0xA8), new SKColor(0x17, 0x3A, 0x70));
        using var plate = new SKPaint { Color = new SKColor(0xF5, 0xF5, 0xF0), IsAntialias = true };
        using var mic = new SKPaint { Color = new SKColor(0x22, 0x22, 0x22), StrokeWidth = 3, IsAntialias = true };
        for (var i = 0; i < seated; i++)
        {
            var x = 640 - 410 + (spacing / 2) + (i * spacing);
            canvas.DrawRect(new SKRect(x - 40, 474, x + 40, 492), plate);
            canvas.DrawLine(x + 30, 472, x + 18, 430, mic);
        }

        using var flowers = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 60; i++)
        {
            flowers.Color = Petals[random.Next(Petals.Length)];
            canvas.DrawCircle(600 + random.Next(0, 80), 540 + random.Next(0, 30), 7 + random.Next(0, 5), flowers);
        }
    }

    private static void DrawStandingPerson(SKCanvas canvas, float x, float feetY, float scale, bool female, Random random, bool certificate, bool bouquet, int facing, bool fromBehind = false)
    {
        var height = 300 * scale;
        var top = feetY - height;
        var bodyColor = female ? AoDai[random.Next(AoDai.Length)] : Suits[random.Next(Suits.Length)];
        using var paint = new SKPaint { IsAntialias = true };
        // Legs (trousers) and the body: a suit or an áo dài to the knees.
        paint.Color = female ? new SKColor(0xF4, 0xF1, 0xE8) : Darker(bodyColor, 0.2f);
        canvas.DrawRoundRect(new SKRect(x - (22 * scale), top + (160 * scale), x + (22 * scale), feetY), 8 * scale, 8 * scale, paint);
        paint.Color = bodyColor;
        var body = new SKRect(x - (40 * scale), top + (62 * scale), x + (40 * scale), top + (female ? 250 : 185) * scale);
        canvas.DrawRoundRect(body, 26 * scale, 26 * scale, paint);
        if (!female && !fromBehind)
        {
            paint.Color = SKColors.White;
            using var shirt = Polygon(new SKPoint(x - (12 * scale), top + (64 * scale)), new SKPoint(x + (12 * scale), top + (64 * scale)), new SKPoint(x, top + (110 * scale)));
            canvas.DrawPath(shirt, paint);
            paint.Color = new SKColor(0x9A, 0x1B, 0x1F);
            canvas.DrawRect(new SKRect(x - (3 * scale), top + (70 * scale), x + (3 * scale), top + (105 * scale)), paint);
        }

        // Head and hair (long hair falls behind the shoulders).
        var headX = x + (facing * 4 * scale);
        var hair = Hair[random.Next(Hair.Length)];
        if (female)
        {
            paint.Color = hair;
            canvas.DrawRoundRect(new SKRect(headX - (26 * scale), top + (20 * scale), headX + (26 * scale), top + (fromBehind ? 110 : 80) * scale), 20 * scale, 20 * scale, paint);
        }

        paint.Color = Skin[random.Next(Skin.Length)];
        canvas.DrawOval(new SKPoint(headX, top + (34 * scale)), new SKSize(24 * scale, 29 * scale), paint);
        paint.Color = hair;
        if (fromBehind)
        {
            canvas.DrawOval(new SKPoint(headX, top + (32 * scale)), new SKSize(25 * scale, 29 * scale), paint);
        }
        else
        {
            canvas.DrawArc(new SKRect(headX - (25 * scale), top + (2 * scale), headX + (25 * scale), top + (52 * scale)), 180, 180, true, paint);
        }

        if (certificate)
        {
            var frame = new SKRect(x - (34 * scale), top + (95 * scale), x + (34 * scale), top + (145 * scale));
            paint.Color = new SKColor(0xB3, 0x1B, 0x1F);
            canvas.DrawRect(frame, paint);
            paint.Color = new SKColor(0xFB, 0xF3, 0xDC);
            frame.Inflate(-5 * scale, -5 * scale);
            canvas.DrawRect(frame, paint);
            paint.Color = new SKColor(0xC6, 0x1A, 0x22, 160);
            canvas.DrawRect(new SKRect(frame.Left + (6 * scale), frame.Top + (8 * scale), frame.Right - (6 * scale), frame.Top + (12 * scale)), paint);
        }

        if (bouquet)
        {
            for (var i = 0; i < 14; i++)
            {
                paint.Color = Petals[random.Next(Petals.Length)];
                canvas.DrawCircle(x + ((certificate ? 38 : 0) + random.Next(-18, 18)) * scale, top + ((certificate ? 160 : 120) + random.Next(-14, 14)) * scale, (7 + random.Next(0, 4)) * scale, paint);
            }
        }
    }

    private static void DrawSeatedPerson(SKCanvas canvas, float x, float deskY, float scale, bool female, Random random, bool fromBehind = false)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Color = female ? AoDai[random.Next(AoDai.Length)] : Suits[random.Next(Suits.Length)];
        canvas.DrawRoundRect(new SKRect(x - (38 * scale), deskY - (70 * scale), x + (38 * scale), deskY + (20 * scale)), 24 * scale, 24 * scale, paint);
        paint.Color = Skin[random.Next(Skin.Length)];
        canvas.DrawOval(new SKPoint(x, deskY - (98 * scale)), new SKSize(22 * scale, 27 * scale), paint);
        paint.Color = Hair[random.Next(Hair.Length)];
        if (fromBehind)
        {
            canvas.DrawOval(new SKPoint(x, deskY - (100 * scale)), new SKSize(23 * scale, 27 * scale), paint);
        }
        else
        {
            canvas.DrawArc(new SKRect(x - (23 * scale), deskY - (128 * scale), x + (23 * scale), deskY - (80 * scale)), 180, 180, true, paint);
        }
    }

    /// <summary>Rows of heads and shoulders seen from behind, nearest at the bottom, out of focus.</summary>
    private static void DrawAudience(SKCanvas canvas, int rows, Random random, float top)
    {
        if (rows <= 0)
        {
            return;
        }

        using var layer = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(2.5f, 2.5f) };
        canvas.SaveLayer(layer);
        using var paint = new SKPaint { IsAntialias = true };
        for (var row = 0; row < rows; row++)
        {
            var scale = 1.0f + (row * 0.35f);
            var y = top + (row * 70);
            var step = 120 * scale;
            for (var x = (row % 2 == 0 ? 20f : 80f) + random.Next(0, 30); x < Width + step; x += step)
            {
                paint.Color = Suits[random.Next(Suits.Length)];
                if (random.Next(0, 4) == 0)
                {
                    paint.Color = new SKColor(0xF0, 0xF0, 0xEC);
                }

                canvas.DrawRoundRect(new SKRect(x - (52 * scale), y + (20 * scale), x + (52 * scale), y + (140 * scale)), 34 * scale, 34 * scale, paint);
                paint.Color = Hair[random.Next(Hair.Length)];
                canvas.DrawOval(new SKPoint(x, y), new SKSize(29 * scale, 34 * scale), paint);
            }
        }

        canvas.Restore();
    }

    private static void DrawFlowerPot(SKCanvas canvas, float x, float y, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x2F, 0x6B, 0x2F) };
        canvas.DrawOval(new SKPoint(x, y), new SKSize(46, 26), paint);
        for (var i = 0; i < 16; i++)
        {
            paint.Color = Petals[random.Next(Petals.Length)];
            canvas.DrawCircle(x + random.Next(-38, 38), y + random.Next(-20, 12), 6 + random.Next(0, 4), paint);
        }
    }

    private static void DrawBlossomTree(SKCanvas canvas, SKPoint foot, Random random)
    {
        using var branch = new SKPaint { IsAntialias = true, Color = new SKColor(0x4A, 0x2E, 0x1E), StrokeWidth = 10, StrokeCap = SKStrokeCap.Round };
        canvas.DrawLine(foot.X, foot.Y, foot.X, foot.Y - 200, branch);
        branch.StrokeWidth = 5;
        for (var i = 0; i < 7; i++)
        {
            var y = foot.Y - 80 - (i * 20);
            canvas.DrawLine(foot.X, y, foot.X + random.Next(-110, 110), y - random.Next(30, 90), branch);
        }

        using var petal = new SKPaint { IsAntialias = true };
        for (var i = 0; i < 160; i++)
        {
            petal.Color = random.Next(0, 3) == 0 ? new SKColor(0xF9, 0xD5, 0xE0) : new SKColor(0xEE, 0x7D, 0xA4);
            canvas.DrawCircle(foot.X + random.Next(-130, 130), foot.Y - 110 - random.Next(0, 170), 5 + random.Next(0, 4), petal);
        }
    }

    private static void DrawTree(SKCanvas canvas, float x, float y, float size, Random random)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x5A, 0x40, 0x2A) };
        canvas.DrawRect(new SKRect(x - 5, y - size, x + 5, y + 20), paint);
        for (var i = 0; i < 5; i++)
        {
            paint.Color = new SKColor(0x2E, (byte)(0x6A + random.Next(0, 40)), 0x3A);
            canvas.DrawCircle(x + random.Next(-(int)size / 2, (int)size / 2), y - size - random.Next(0, (int)size / 2), size * 0.55f, paint);
        }
    }

    private static void DrawTent(SKCanvas canvas, SKRect area, SKColor canopy)
    {
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(0x8C, 0x8C, 0x8C), StrokeWidth = 6 };
        canvas.DrawLine(area.Left + 20, area.Top + 60, area.Left + 20, area.Bottom, paint);
        canvas.DrawLine(area.Right - 20, area.Top + 60, area.Right - 20, area.Bottom, paint);
        using var roof = Polygon(new SKPoint(area.Left, area.Top + 70), new SKPoint(area.MidX, area.Top), new SKPoint(area.Right, area.Top + 70));
        paint.Color = canopy;
        canvas.DrawPath(roof, paint);
        paint.Color = Darker(canopy, 0.15f);
        canvas.DrawRect(new SKRect(area.Left, area.Top + 70, area.Right, area.Top + 90), paint);
    }

    private static void DrawStar(SKCanvas canvas, SKPoint centre, float radius, SKColor color)
    {
        var points = new SKPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var r = i % 2 == 0 ? radius : radius * 0.4f;
            var angle = (Math.PI / 5 * i) - (Math.PI / 2);
            var point = new SKPoint(centre.X + (float)(r * Math.Cos(angle)), centre.Y + (float)(r * Math.Sin(angle)));
            points[i] = point;
        }

        using var path = Polygon(points);
        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawPath(path, paint);
    }

    /// <summary>Centred text, made smaller until it fits <paramref name="maxWidth"/>.</summary>
    private static void DrawFittedText(SKCanvas canvas, string text, float x, float baseline, float maxWidth, float size, SKColor color, bool bold)
    {
        // The Linux build of SkiaSharp without dependencies has no font lookup: the font files are opened directly
        // (Debian package fonts-dejavu-core, as for the demo PDFs).
        using var typeface = SKTypeface.FromFile(bold ? BoldFont : RegularFont)
            ?? throw new InvalidOperationException($"DejaVu Sans not found at {(bold ? BoldFont : RegularFont)}: install fonts-dejavu-core.");
        using var font = new SKFont(typeface, size);
        while (font.MeasureText(text) > maxWidth && font.Size > 10)
        {
            font.Size -= 1;
        }

        using var paint = new SKPaint { IsAntialias = true, Color = color };
        canvas.DrawText(text.Normalize(System.Text.NormalizationForm.FormC), x, baseline, SKTextAlign.Center, font, paint);
    }

    private static SKPath Polygon(params SKPoint[] points)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(points[0]);
        foreach (var point in points.Skip(1))
        {
            builder.LineTo(point);
        }

        builder.Close();
        return builder.Detach();
    }

    private static void Fill(SKCanvas canvas, SKRect rect, SKColor top, SKColor bottom)
    {
        using var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, rect.Top), new SKPoint(0, rect.Bottom), [top, bottom], SKShaderTileMode.Clamp) };
        canvas.DrawRect(rect, paint);
    }

    private static void DrawVignette(SKCanvas canvas)
    {
        using var paint = new SKPaint { Shader = SKShader.CreateRadialGradient(new SKPoint(Width / 2f, Height / 2f), Width * 0.75f, [SKColors.Transparent, new SKColor(0, 0, 0, 90)], [0.6f, 1f], SKShaderTileMode.Clamp) };
        canvas.DrawRect(new SKRect(0, 0, Width, Height), paint);
    }

    private static SKColor Lighter(SKColor c, float amount) =>
        new((byte)(c.Red + ((255 - c.Red) * amount)), (byte)(c.Green + ((255 - c.Green) * amount)), (byte)(c.Blue + ((255 - c.Blue) * amount)));

    private static SKColor Darker(SKColor c, float amount) =>
        new((byte)(c.Red * (1 - amount)), (byte)(c.Green * (1 - amount)), (byte)(c.Blue * (1 - amount)));
}
