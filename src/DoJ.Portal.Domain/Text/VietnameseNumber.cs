using System.Globalization;

namespace DoJ.Portal.Domain.Text;

/// <summary>Numbers as Vietnamese readers write them (<c>359.289</c>), whatever the server's culture.</summary>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo Info = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    public static string Format(long value) => value.ToString("#,0", Info);
}
