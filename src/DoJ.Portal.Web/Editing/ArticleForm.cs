using DoJ.Portal.Domain.Articles;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// A saved article as its edit form shows it: the fields, where it stands in the workflow now, and the editor's note
/// when it was sent back to its author (until it is submitted again).
/// </summary>
public sealed record ArticleForm(ArticleEditModel Model, ArticleState State, string? ReturnNote = null, DateTime? ReturnedAtUtc = null);

/// <summary>An album the article form can attach (any status, newest first).</summary>
public sealed record AlbumChoice(int Id, string Title, DateOnly TakenOn, ArticleState State);

/// <summary>An article as the preview shows it in the public layout, whatever its state.</summary>
public sealed record ArticlePreview(
    int Id,
    string Title,
    string Summary,
    string Body,
    string Author,
    DateTime? PublishedAtUtc,
    string CategoryName,
    string CategorySlug,
    DoJ.Portal.Domain.Content.ImageRef? LeadImage,
    string LeadImageAlt,
    string LeadImageCaption,
    string? AlbumTitle,
    ArticleState State);
