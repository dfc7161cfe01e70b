using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DoJ.Portal.Web.Counting;

/// <summary>
/// Turns (network prefix of the address, user agent) into an opaque visitor id with HMAC-SHA256 under
/// the day's secret key. Neither the address nor the user agent is kept anywhere; once the day's key
/// is destroyed, nobody can tell which visitor an id was.
/// </summary>
public static class VisitorHasher
{
    public static string Hash(byte[] dayKey, IPAddress? address, string? userAgent)
    {
        ArgumentNullException.ThrowIfNull(dayKey);
        var input = Encoding.UTF8.GetBytes(Prefix(address) + "\n" + (userAgent ?? ""));
        var mac = HMACSHA256.HashData(dayKey, input);
        return Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    /// <summary>IPv4 /24 or IPv6 /48: enough to tell visitors apart, too coarse to point at a household.</summary>
    public static string Prefix(IPAddress? address)
    {
        if (address is null)
        {
            return "-";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}")
            : Convert.ToHexString(bytes.AsSpan(0, 6));
    }
}
