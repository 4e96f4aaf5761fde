using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Engine.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Runs before polling or the webhook: checks the token (getMe), learns the bot's username for invite
/// links, publishes the menus for everyone and for groups, and points Telegram at polling or at the webhook. Telegram out of
/// reach (network down, blocked, proxy down, 5xx) is tried again in the background with backoff, since a
/// commune server often boots before its network; a refused token stops the bot, since waiting cannot fix it.
/// </summary>
public sealed partial class TelegramStartup(
    ITelegramBotClient bot,
    BotIdentity identity,
    CommandMenus menus,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<TelegramStartup> logger) : IHostedService
{
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    private PlatformConnection? _connection;

    // Out of reach is not a reason to hold up the rest of the bot (the calendar, the other channels).
    private PlatformConnection Connection => LazyInitializer.EnsureInitialized(ref _connection, () => new(
        ConnectAsync,
        TelegramErrors.IsTransient,
        (ex, attempt, wait) => LogUnreachable(TelegramErrors.Describe(ex), attempt, wait.TotalSeconds, Server),
        ex => LogGaveUp(ex is InvalidOperationException ? ex.Message : TelegramErrors.Describe(ex)),
        clock,
        lifetime));

    /// <summary>Completes once Telegram has answered and the bot is set up; polling waits for it.</summary>
    public Task Ready => Connection.Ready;

    public Task StartAsync(CancellationToken cancellationToken) => Connection.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Connection.StopAsync(cancellationToken);

    private string Server => options.Value.ApiBaseUrl ?? "api.telegram.org";

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        User me;
        try
        {
            me = await bot.GetMe(cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 401)
        {
            LogTokenRefused();
            throw new InvalidOperationException(
                "Telegram:BotToken bị từ chối (401): Telegram không nhận mã này. Kiểm tra lại mã lấy từ @BotFather (Telegram:BotToken).");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 404)
        {
            LogTokenRefused();
            throw new InvalidOperationException(
                "Telegram:BotToken bị từ chối (404): máy chủ Bot API không biết mã này. Kiểm tra Telegram:BotToken và Telegram:ApiBaseUrl.");
        }
        identity.TelegramUsername = me.Username;

        // The menus for everyone and for groups; each person's own follows in their chat (TelegramMenus).
        foreach (var menu in menus.For(TelegramUpdateMapper.Channel).Where(m => m.Scope != MenuScope.Chat))
        {
            BotCommandScope scope = menu.Scope == MenuScope.Groups ? new BotCommandScopeAllGroupChats() : new BotCommandScopeDefault();
            await bot.SetMyCommands(menu.Commands.Select(c => new BotCommand(c.Name, c.Text)), scope, cancellationToken: cancellationToken);
        }
        if (o.IsWebhook)
            await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: cancellationToken);
        else
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        LogReady(me.Username ?? me.FirstName, o.IsWebhook ? TelegramOptions.Webhook : TelegramOptions.Polling);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{Username} ready ({Mode})")]
    private partial void LogReady(string username, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram is out of reach at start ({Reason}, attempt {Attempt}); trying again in {Seconds} s. Check the network, Telegram:Proxy or Telegram:ApiBaseUrl ({Server})")]
    private partial void LogUnreachable(string reason, int attempt, double seconds, string server);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram answered at last but refused to work with the bot: {Reason}. The bot stops")]
    private partial void LogGaveUp(string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram refused Telegram:BotToken (401/404); the bot does not start")]
    private partial void LogTokenRefused();
}
