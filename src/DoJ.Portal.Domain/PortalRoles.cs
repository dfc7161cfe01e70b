namespace DoJ.Portal.Domain;

/// <summary>The three roles of the admin area, and the policies built from them.</summary>
public static class PortalRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Contributor];

    public static string ToVietnamese(string role) => role switch
    {
        Administrator => "Quản trị",
        Editor => "Biên tập viên",
        Contributor => "Cộng tác viên",
        _ => role,
    };
}
