namespace DoJ.Portal.Web.Citizens;

/// <summary>The <c>CitizenForms</c> section: the spam defences of the forms citizens send (questions, comments on drafts).</summary>
public sealed class CitizenFormOptions
{
    public const string Section = "CitizenForms";

    /// <summary>A form sent sooner than this after it was served is refused (people read and type; scripts do not).</summary>
    public int MinSecondsToFill { get; set; } = 5;

    /// <summary>A form older than this is refused as expired (a fresh one is shown with the text kept).</summary>
    public int MaxFormAgeMinutes { get; set; } = 240;

    /// <summary>At most this many sends per client (address) and form in <see cref="WindowMinutes"/>; refusals count too.</summary>
    public int MaxPerClient { get; set; } = 5;

    public int WindowMinutes { get; set; } = 60;

    /// <summary>At most this many web addresses in the text of one send.</summary>
    public int MaxLinks { get; set; } = 2;
}
