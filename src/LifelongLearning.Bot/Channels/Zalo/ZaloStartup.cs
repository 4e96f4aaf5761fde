using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Runs before polling or the webhook: checks the token (getMe) and points Zalo at the webhook
/// (setWebhook with the secret) or clears it for polling, since the two exclude each other.
/// </summary>
public sealed partial class ZaloStartup(ZaloClient zalo, IOptions<ZaloOptions> options, ILogger<ZaloStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        ZaloBotInfo me;
        try
        {
            me = await zalo.GetMeAsync(cancellationToken);
        }
        catch (ZaloApiException ex) when (!ex.IsTransient)
        {
            LogTokenRefused(ex.ErrorCode);
            throw new InvalidOperationException(
                $"Zalo:BotToken bị từ chối ({ex.ErrorCode}: {ex.Description}): Zalo không nhận mã này. " +
                "Kiểm tra lại mã bot mà Zalo Bot Creator đã gửi (Zalo:BotToken) và Zalo:ApiBaseUrl.");
        }
        catch (ZaloApiException ex)
        {
            throw new InvalidOperationException(
                $"Không gọi được Zalo để kiểm tra mã bot ({ex.Description}). Kiểm tra mạng của máy chủ và Zalo:ApiBaseUrl.");
        }

        if (o.IsWebhook)
            await zalo.SetWebhookAsync(WebhookUrl(o), o.WebhookSecret!, cancellationToken);
        else
            await zalo.DeleteWebhookAsync(cancellationToken);
        LogReady(me.AccountName, o.IsWebhook ? "webhook" : "polling");
    }

    public static string WebhookUrl(ZaloOptions o) => o.PublicBaseUrl!.TrimEnd('/') + ZaloWebhook.Path;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo bot {Name} ready ({Mode})")]
    private partial void LogReady(string name, string mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Zalo refused Zalo:BotToken ({ErrorCode}); the bot does not start")]
    private partial void LogTokenRefused(int errorCode);
}
