using System.Globalization;

namespace DoJ.Portal.DatasetGenerator;

/// <summary>
/// The tool's own arguments (<c>--articles N</c>, <c>--documents N</c>, <c>--albums N</c>, <c>--seed N</c>, <c>--append</c>, <c>--help</c>) and the
/// configuration settings given with them (<c>--Section:Key=value</c> or <c>--Section:Key value</c>), which go
/// to the host's configuration as the portal's command line would.
/// </summary>
/// <param name="Settings">The configuration arguments, as given.</param>
/// <param name="Documents">Documents of the register to generate; null means as many as articles.</param>
/// <param name="Albums">Photo albums to generate; null means as many as documents.</param>
public sealed record GenerateOptions(int Articles, int Seed, bool Append, bool Help, IReadOnlyList<string> Settings, int? Documents = null, int? Albums = null)
{
    public const int DefaultArticles = 100_000;
    public const int DefaultSeed = 20_260_401;
    public const int MaxArticles = 5_000_000;

    /// <summary>The documents to generate: <see cref="Documents"/>, else as many as articles.</summary>
    public int DocumentCount => Documents ?? Articles;

    /// <summary>The albums to generate: <see cref="Albums"/>, else as many as documents (so as many as articles by default).</summary>
    public int AlbumCount => Albums ?? DocumentCount;

    /// <summary>
    /// Null when an argument is neither an option nor a setting, or a number is missing or out of range. Read here
    /// rather than by the configuration binder, which would take <c>--append --articles</c> as append = "--articles";
    /// a setting must name a section (<c>Storage:DataPath</c>), so that a misspelt option is refused, not ignored.
    /// </summary>
    public static GenerateOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new GenerateOptions(DefaultArticles, DefaultSeed, false, false, []);
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] ? (n, v) : (args[i], null);
            switch (name)
            {
                case "--help" or "-h":
                    options = options with { Help = true };
                    break;
                case "--append":
                    options = options with { Append = true };
                    break;
                case "--articles" or "--seed" or "--documents" or "--albums":
                    var text = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                    {
                        return null;
                    }

                    options = name switch
                    {
                        "--seed" => options with { Seed = value },
                        "--documents" => options with { Documents = value },
                        "--albums" => options with { Albums = value },
                        _ => options with { Articles = value },
                    };
                    break;
                case var key when key.StartsWith("--", StringComparison.Ordinal) && key.Contains(':', StringComparison.Ordinal):
                    settings.Add(args[i]);
                    if (inline is null)
                    {
                        if (i + 1 >= args.Count)
                        {
                            return null;
                        }

                        settings.Add(args[++i]);
                    }

                    break;
                default:
                    return null;
            }
        }

        return options.Articles is > 0 and <= MaxArticles && options.DocumentCount is >= 0 and <= MaxArticles
            && options.AlbumCount is >= 0 and <= MaxArticles
            ? options with { Settings = settings }
            : null;
    }
}
