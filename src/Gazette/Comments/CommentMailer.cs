using System.Threading.Channels;

using MailKit.Net.Smtp;
using MailKit.Security;

using Microsoft.Extensions.Options;

using MimeKit;

namespace Gazette.Comments;

/// <summary>
/// Sends mail in the background through the configured SMTP server (<c>Gazette:Smtp</c>), one connection per message.
/// Without a host nothing is queued; a server that fails is logged and never fails the request that wanted the mail.
/// </summary>
public sealed class CommentMailer(IOptions<SmtpOptions> options, ILogger<CommentMailer> logger) : BackgroundService
{
    private readonly Channel<MimeMessage> queue = Channel.CreateBounded<MimeMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public bool IsConfigured => options.Value.IsConfigured;

    /// <param name="unsubscribeUrl">Announced as List-Unsubscribe with one-click POST (RFC 8058), so mail programs offer their own button.</param>
    public void Send(string to, string subject, string body, string? language = null, string? unsubscribeUrl = null)
    {
        if (!IsConfigured)
            return;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        if (language is not null)
            message.Headers.Add("Content-Language", language);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        // Only an absolute address helps a mail program (without a base URL setting, mail sent outside a request has none).
        if (Uri.TryCreate(unsubscribeUrl, UriKind.Absolute, out var stop) && stop.Scheme is "http" or "https")
        {
            message.Headers.Add("List-Unsubscribe", $"<{stop.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        queue.Writer.TryWrite(message);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await DeliverAsync(message, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not send the mail \"{Subject}\" through {Host}:{Port}.", message.Subject, options.Value.Host, options.Value.Port);
            }
        }
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
