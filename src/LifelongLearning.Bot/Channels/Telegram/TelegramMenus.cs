using LifelongLearning.Bot.Engine.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Each person's own command menu in their chat (a unit head's, an official's), where Telegram has a scope
/// for one chat: all of them once Telegram is ready, then each chat whose person joins, changes role or
/// leaves, as it happens, so nobody waits for a restart to see their commands.
/// </summary>
public sealed partial class TelegramMenus(ITelegramBotClient bot, TelegramStartup startup, CommandMenus menus, ILogger<TelegramMenus> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wake = new SemaphoreSlim(0);
        // Subscribed before the first look, so a change made while publishing is not missed.
        using var watch = menus.OnChange(() => { if (wake.CurrentCount == 0) wake.Release(); });
        try
        {
            await startup.Ready.WaitAsync(stoppingToken);
            foreach (var menu in menus.For(TelegramUpdateMapper.Channel).Where(m => m.Scope == MenuScope.Chat))
                await PublishAsync(menu, stoppingToken);
            while (true)
            {
                foreach (var menu in menus.Due(TelegramUpdateMapper.Channel))
                    await PublishAsync(menu, stoppingToken);
                await wake.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException)
        {
            // Telegram refused the bot at start (a wrong token): TelegramStartup has said so and stops the host.
        }
    }

    private async Task PublishAsync(CommandMenu menu, CancellationToken cancellationToken)
    {
        if (!long.TryParse(menu.ChatId, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var chat))
            return;
        try
        {
            await bot.SetMyCommands(
                menu.Commands.Select(c => new BotCommand(c.Name, c.Text)), new BotCommandScopeChat { ChatId = chat }, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (TelegramErrors.IsTransient(ex, cancellationToken))
        {
            // Out of reach for a moment: the menu stays due and goes with the next change.
            LogMenuDelayed(chat, TelegramErrors.Describe(ex));
            return;
        }
        catch (ApiRequestException ex)
        {
            // An admin who never wrote to the bot, or someone who blocked it: asking again would not help.
            LogMenuRefused(chat, ex.Message);
        }
        menus.Published(TelegramUpdateMapper.Channel, menu);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused the command menu of chat {ChatId} ({Reason}); that person sees the residents' menu")]
    private partial void LogMenuRefused(long chatId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The command menu of chat {ChatId} could not be published ({Reason}); it is tried again at the next change")]
    private partial void LogMenuDelayed(long chatId, string reason);
}
