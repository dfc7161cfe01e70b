namespace DoJ.Portal.Domain.Articles;

/// <summary>
/// One change to an article, written in the same transaction as the change itself. The increasing
/// <see cref="Id"/> is the sequence every instance follows to bring its own search index up to date;
/// no foreign key, so the row of a purged article stays behind to say "remove it".
/// </summary>
public class ArticleChange
{
    public long Id { get; set; }
    public int ArticleId { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
