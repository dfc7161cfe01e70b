using System.Globalization;
using System.Text;

namespace DoJ.Portal.Domain.Text;

/// <summary>Folding of Vietnamese text to plain lower-case ASCII letters, as search and slugs need it.</summary>
/// <remarks>
/// Table-driven, not <c>string.Normalize</c>: without ICU (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>,
/// slim container images) <c>Normalize</c> returns its input unchanged, and folding by decomposition
/// silently kept every accented letter. Case mapping and Unicode categories need no ICU (.NET 8 and later).
/// </remarks>
public static class VietnameseText
{
    /// <summary>
    /// Each precomposed letter of Latin-1 Supplement, Latin Extended-A and -B and Latin Extended Additional
    /// (all of Vietnamese) with its lower-case base letter, as canonical decomposition gives it; plus đ/Đ,
    /// which is a separate letter rather than an accent, so decomposition misses it. Generated once from
    /// <c>string.Normalize(FormD)</c>; a unit test checks it against that method for every character of
    /// those blocks.
    /// </summary>
    private static readonly (char Base, string Letters)[] Precomposed =
    [
        ('a', "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ"),
        ('b', "ḂḃḄḅḆḇ"),
        ('c', "ÇçĆćĈĉĊċČčḈḉ"),
        ('d', "ĎďĐđḊḋḌḍḎḏḐḑḒḓ"),
        ('e', "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ"),
        ('f', "Ḟḟ"),
        ('g', "ĜĝĞğĠġĢģǦǧǴǵḠḡ"),
        ('h', "ĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖ"),
        ('i', "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊị"),
        ('j', "Ĵĵǰ"),
        ('k', "ĶķǨǩḰḱḲḳḴḵ"),
        ('l', "ĹĺĻļĽľḶḷḸḹḺḻḼḽ"),
        ('m', "ḾḿṀṁṂṃ"),
        ('n', "ÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋ"),
        ('o', "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ"),
        ('p', "ṔṕṖṗ"),
        ('r', "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ"),
        ('s', "ŚśŜŝŞşŠšȘșṠṡṢṣṤṥṦṧṨṩ"),
        ('t', "ŢţŤťȚțṪṫṬṭṮṯṰṱẗ"),
        ('u', "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự"),
        ('v', "ṼṽṾṿ"),
        ('w', "ŴŵẀẁẂẃẄẅẆẇẈẉẘ"),
        ('x', "ẊẋẌẍ"),
        ('y', "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ"),
        ('z', "ŹźŻżŽžẐẑẒẓẔẕ"),
        ('æ', "ǢǣǼǽ"),
        ('ø', "Ǿǿ"),
        ('ſ', "ẛ"),
        ('ʒ', "Ǯǯ"),
    ];

    /// <summary>In <see cref="Table"/>: the character is a combining mark, which folding removes (no character lower-cases to U+FFFF).</summary>
    private const char Removed = '\uFFFF';

    /// <summary>The fold of every character below U+1F00 (Basic Latin to Latin Extended Additional), so the common case is one read.</summary>
    private static readonly char[] Table = BuildTable();

    /// <summary>
    /// Lower-cases and removes every tone and vowel mark, and maps đ/Đ to d. Works on NFC and NFD input
    /// alike: a precomposed letter becomes its base letter, a combining mark (U+0300–U+036F, any
    /// non-spacing mark) is dropped. One character never folds to more than one.
    /// </summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (TryFold(c, out var folded))
            {
                builder.Append(folded);
            }
        }

        return builder.ToString();
    }

    /// <summary>The fold of one character; false for a combining mark, which folding removes.</summary>
    public static bool TryFold(char c, out char folded)
    {
        if (c >= Table.Length)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                folded = c;
                return false;
            }

            // A few signs lower-case into the table: the Ångström sign is å, which folds to a.
            c = char.ToLowerInvariant(c);
            if (c >= Table.Length)
            {
                folded = c;
                return true;
            }
        }

        folded = Table[c];
        return folded != Removed;
    }

    private static char[] BuildTable()
    {
        var baseLetters = new Dictionary<char, char>();
        foreach (var (letter, letters) in Precomposed)
        {
            foreach (var c in letters)
            {
                baseLetters.Add(c, letter);
            }
        }

        var table = new char[0x1F00];
        for (var i = 0; i < table.Length; i++)
        {
            var c = (char)i;
            var lower = char.ToLowerInvariant(c);
            table[i] = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Removed
                : baseLetters.TryGetValue(c, out var letter) || baseLetters.TryGetValue(lower, out letter) ? letter
                : lower;
        }

        return table;
    }
}
