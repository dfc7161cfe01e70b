using SkiaSharp;

namespace DoJ.Portal.DemoPhotos;

internal enum Setting
{
    Hall,
    Outdoor,
    Classroom,
    Medal,
}

/// <summary>What one demo photo shows: a setting, a banner, people on a stage or at a table, an audience.</summary>
internal sealed record Scene(
    string Name,
    Setting Setting,
    SKColor Backdrop,
    string Banner,
    string SubBanner,
    int StageFigures = 0,
    bool Certificates = false,
    bool Bouquets = false,
    int SeatedAtTable = 0,
    int AudienceRows = 3,
    bool Blossom = false,
    bool Handshake = false,
    int Seed = 1);

internal static class Scenes
{
    private static readonly SKColor Red = new(0xB0, 0x1E, 0x23);
    private static readonly SKColor Blue = new(0x1D, 0x4E, 0x89);
    private static readonly SKColor Pink = new(0xC2, 0x3B, 0x6E);
    private static readonly SKColor Green = new(0x1F, 0x6B, 0x4F);

    public static IReadOnlyList<Scene> All { get; } =
    [
        new("trao-bang-khen", Setting.Hall, Red, "LỄ TRAO BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH", "Sở Tư pháp tỉnh Thừa Thiên Huế", StageFigures: 6, Certificates: true, Bouquets: true, AudienceRows: 3, Seed: 11),
        new("trao-bang-khen-bat-tay", Setting.Hall, Red, "LỄ TRAO BẰNG KHEN", "Thành tích xuất sắc trong công tác tư pháp", StageFigures: 2, Certificates: true, Handshake: true, AudienceRows: 2, Seed: 12),
        new("ky-niem-chuong", Setting.Medal, Red, "VÌ SỰ NGHIỆP TƯ PHÁP", "Kỷ niệm chương", Seed: 13),
        new("hoi-nghi-tong-ket", Setting.Hall, Blue, "HỘI NGHỊ TỔNG KẾT CÔNG TÁC TƯ PHÁP NĂM 2020", "Triển khai nhiệm vụ năm 2021", SeatedAtTable: 5, AudienceRows: 4, Seed: 21),
        new("hoi-nghi-pho-bien", Setting.Hall, Blue, "HỘI NGHỊ PHỔ BIẾN CÁC LUẬT MỚI", "Được Quốc hội thông qua tại Kỳ họp thứ 10", SeatedAtTable: 3, AudienceRows: 5, Seed: 22),
        new("tap-huan-hoa-giai", Setting.Classroom, Green, "TẬP HUẤN KỸ NĂNG HÒA GIẢI Ở CƠ SỞ", "Dành cho hòa giải viên", AudienceRows: 4, Seed: 31),
        new("tro-giup-luu-dong", Setting.Outdoor, Blue, "TRỢ GIÚP PHÁP LÝ LƯU ĐỘNG", "Miễn phí cho đồng bào dân tộc thiểu số", AudienceRows: 2, Seed: 41),
        new("ngay-phap-luat", Setting.Outdoor, Red, "HƯỞNG ỨNG NGÀY PHÁP LUẬT VIỆT NAM 9/11", "Tìm hiểu pháp luật – sống và làm việc theo pháp luật", AudienceRows: 3, Seed: 42),
        new("gap-mat-dau-xuan", Setting.Hall, Red, "GẶP MẶT ĐẦU XUÂN TÂN SỬU 2021", "Sở Tư pháp", StageFigures: 1, AudienceRows: 3, Blossom: true, Seed: 51),
        new("toa-dam-8-3", Setting.Hall, Pink, "TỌA ĐÀM KỶ NIỆM NGÀY QUỐC TẾ PHỤ NỮ 8/3", "Công đoàn Sở Tư pháp", StageFigures: 4, Bouquets: true, AudienceRows: 2, Seed: 61),
    ];
}
