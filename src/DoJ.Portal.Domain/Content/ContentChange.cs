namespace DoJ.Portal.Domain.Content;

/// <summary>The kinds of public content the search index holds.</summary>
public enum ContentKind
{
    Article = 0,
    Document = 1,
    Page = 2,
    Question = 3,
}

/// <summary>
/// One change to indexed content, written in the same transaction as the change itself. The increasing
/// <see cref="Id"/> is the sequence every instance follows to bring its own search index up to date;
/// no foreign key, so the row of purged content stays behind to say "remove it".
/// </summary>
public class ContentChange
{
    public long Id { get; set; }
    public ContentKind Kind { get; set; }
    public int ContentId { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
