namespace DoJ.Portal.Data.Configurations;

/// <summary>Lengths of Identity's keys and names, for columns that refer to a user.</summary>
internal static class IdentityLengths
{
    public const int UserId = 450;
    public const int UserName = 256;
}
