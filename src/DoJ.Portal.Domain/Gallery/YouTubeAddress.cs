namespace DoJ.Portal.Domain.Gallery;

/// <summary>
/// Reads the 11-character id of a YouTube video out of what an editor pastes: a bare id, or an https address of
/// youtube.com (<c>watch?v=</c>, <c>/embed/</c>, <c>/shorts/</c>, <c>/live/</c>, <c>/v/</c>), youtu.be or
/// youtube-nocookie.com. Nothing else is accepted: another host, another scheme, an id with other characters.
/// Only the id is stored; the player's address is built from it (<see cref="EmbedUrl"/>).
/// </summary>
public static class YouTubeAddress
{
    public const string EmbedHost = "www.youtube-nocookie.com";

    private static readonly string[] Hosts =
    [
        "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
        "youtube-nocookie.com", "www.youtube-nocookie.com",
    ];

    /// <summary>The privacy-enhanced player of a stored id.</summary>
    public static string EmbedUrl(string id) => $"https://{EmbedHost}/embed/{id}";

    /// <summary>The video's page on YouTube, for a link next to the player.</summary>
    public static string WatchUrl(string id) => $"https://www.youtube.com/watch?v={id}";

    /// <summary>Exactly 11 of <c>A–Z a–z 0–9 - _</c>.</summary>
    public static bool IsId(string? id) =>
        id is { Length: Video.YouTubeIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool TryParse(string? text, out string id)
    {
        id = "";
        var input = (text ?? "").Trim();
        if (input.Length is 0 or > 500)
        {
            return false;
        }

        if (IsId(input))
        {
            id = input;
            return true;
        }

        if (!input.Contains("://", StringComparison.Ordinal))
        {
            input = "https://" + input;
        }

        if (!Uri.TryCreate(input, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo) || !uri.IsDefaultPort)
        {
            return false;
        }

        var host = uri.IdnHost.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? candidate = null;
        if (host is "youtu.be" or "www.youtu.be")
        {
            candidate = segments.Length == 1 ? segments[0] : null;
        }
        else if (Hosts.Contains(host))
        {
            candidate = segments switch
            {
                ["watch"] => QueryValue(uri.Query, "v"),
                [var kind, var value] when kind is "embed" or "shorts" or "live" or "v" => value,
                _ => null,
            };
        }

        if (IsId(candidate))
        {
            id = candidate!;
            return true;
        }

        return false;
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals] == name)
            {
                return pair[(equals + 1)..];
            }
        }

        return null;
    }
}
