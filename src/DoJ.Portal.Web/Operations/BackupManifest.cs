using System.Text.Json;
using System.Text.Json.Serialization;

namespace DoJ.Portal.Web.Operations;

/// <summary>
/// <c>manifest.json</c> of a backup folder: when and by which version it was made, the database's last
/// migration and article count (to recognise the backup), and every file with its size and SHA-256.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTime CreatedAtUtc,
    string AppVersion,
    string Migration,
    int Articles,
    IReadOnlyList<BackupFile> Files)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for people to read, never embedded in a page: "+" in a version stays "+".
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The manifest, or null when the text is not one (a foreign or damaged file).</summary>
    public static BackupManifest? Parse(string json)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
            return manifest is { Files: not null, Migration: not null, AppVersion: not null } ? manifest : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One file of a backup, by its path relative to the backup folder (always with '/').</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);
