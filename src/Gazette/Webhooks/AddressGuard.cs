using System.Net;
using System.Net.Sockets;

namespace Gazette.Webhooks;

/// <summary>
/// Keeps webhooks from reaching the server's own network (server-side request forgery): only http(s), and no
/// loopback, private, link-local or otherwise internal address, checked on the address actually connected to, so a
/// name that resolves differently at send time (DNS rebinding) is caught too. An administrator may allow them.
/// </summary>
public static class AddressGuard
{
    public static readonly HttpRequestOptionsKey<bool> AllowPrivate = new("gazette.webhooks.allow-private");

    public static bool IsHttpUrl(string url, out Uri uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri!) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                   || address.IsIPv6Teredo || address.GetAddressBytes()[0] == 0;
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] is >= 64 and <= 127, // carrier-grade NAT
            169 => b[1] == 254,               // link-local, cloud metadata services
            172 => b[1] is >= 16 and <= 31,
            192 => b[1] == 168 || (b[1] == 0 && b[2] is 0 or 2),
            198 => b[1] is 18 or 19,
            >= 224 => true,                   // multicast and reserved
            _ => false,
        };
    }

    /// <summary>The connection step of the webhook client: resolve, refuse internal addresses unless allowed, connect.</summary>
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(AllowPrivate, out var allowed) && allowed;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
            throw new HttpRequestException($"{host} does not resolve.");
        if (!allowPrivate && addresses.FirstOrDefault(IsInternal) is { } refused)
            throw new HttpRequestException($"{host} resolves to {refused}, an internal address; an administrator may allow those in the settings.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
