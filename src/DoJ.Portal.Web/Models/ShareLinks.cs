namespace DoJ.Portal.Web.Models;

/// <summary>
/// The share links of an article, a document or a video page: plain links built from the page's absolute address and
/// title, each value percent-encoded. No third-party script, no tracking parameter. Zalo is left out: Zalo documents
/// sharing only through its JavaScript SDK (see docs/reading-tools.md).
/// </summary>
public sealed record ShareLinks(string Url, string Title)
{
    public const string FacebookBase = "https://www.facebook.com/sharer/sharer.php?u=";

    public string Facebook => FacebookBase + Uri.EscapeDataString(Url);

    /// <summary><c>mailto:?subject=…&amp;body=…</c>: the title as the subject, the title and the address as the body.</summary>
    public string Email => "mailto:?subject=" + Uri.EscapeDataString(Title) + "&body=" + Uri.EscapeDataString(Title + "\r\n" + Url);
}
