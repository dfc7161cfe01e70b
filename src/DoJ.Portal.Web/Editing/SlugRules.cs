using System.Globalization;
using DoJ.Portal.Domain.Text;

namespace DoJ.Portal.Web.Editing;

/// <summary>
/// The slug rules of every edited record: made from the title when left empty (a number added until it
/// is free), otherwise well-formed and not taken by another record.
/// </summary>
public static class SlugRules
{
    public const string SlugField = "Slug";
    public const string TitleField = "Title";

    /// <summary>The slug to save, or the reason the form is refused.</summary>
    public static async Task<(string Slug, EditResult? Invalid)> ChooseAsync(
        string title, string? requested, int maxLength, Func<string, Task<bool>> isTaken, string takenMessage)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (string.IsNullOrWhiteSpace(requested))
        {
            var made = Slug.From(title, Math.Min(Slug.DefaultMaxLength, maxLength));
            return made.Length == 0
                ? ("", EditResult.Invalid(TitleField, "Tiêu đề cần có chữ hoặc số."))
                : (await UniqueAsync(made, maxLength, isTaken), null);
        }

        var slug = requested.Trim();
        if (!Slug.IsWellFormed(slug, maxLength))
        {
            return ("", EditResult.Invalid(SlugField, "Đường dẫn chỉ gồm chữ thường không dấu, số và dấu gạch ngang."));
        }

        return await isTaken(slug) ? ("", EditResult.Invalid(SlugField, takenMessage)) : (slug, null);
    }

    /// <summary><paramref name="slug"/>, or <c>slug-2</c>, <c>slug-3</c>… whichever is free first.</summary>
    public static async Task<string> UniqueAsync(string slug, int maxLength, Func<string, Task<bool>> isTaken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        ArgumentNullException.ThrowIfNull(isTaken);
        var candidate = slug;
        for (var n = 2; await isTaken(candidate); n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            candidate = slug[..Math.Min(slug.Length, maxLength - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
