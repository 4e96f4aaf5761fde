using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Long polling with the offset kept here: each update's effects are stored by the engine before the
/// offset moves past it, so a crash repeats updates (which the engine recognises) and never loses one.
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot,
    TelegramStartup startup,
    BotEngine engine,
    BotIdentity identity,
    PhotoCopies photos,
    TimeProvider clock,
    IOptions<TelegramOptions> options,
    Heartbeats heartbeats,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        // Not before Telegram has answered at start (the webhook deleted, the bot's username known).
        try { await startup.Ready.WaitAsync(stoppingToken); }
        catch (Exception) { return; } // stopping, or the start failed for good and the bot is stopping
        int? offset = null;
        var backoff = new Backoff(FirstBackoff, MaxBackoff, clock);
        var timeout = options.Value.PollTimeoutSeconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, timeout: timeout, allowedUpdates: TelegramStartup.AllowedUpdates, cancellationToken: stoppingToken);
                backoff.Reset();
                foreach (var update in updates)
                {
                    await HandleAsync(update, stoppingToken);
                    offset = update.Id + 1;
                }
                heartbeats.Beat("telegram");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                LogConflict(ex.Message, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (TelegramErrors.IsTransient(ex, stoppingToken))
            {
                LogTransient(TelegramErrors.Describe(ex), backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Anything else (the store failing, a bug): keep the offset, so the update comes again.
                // Not a Telegram failure (those are caught above), so the exception carries no token.
                LogFailed(ex, ex.GetType().Name, ex.Message, backoff.Next.TotalSeconds);
                await backoff.WaitAsync(stoppingToken);
            }
        }
    }

    private async Task HandleAsync(Update update, CancellationToken ct)
    {
        var mapped = TelegramUpdateMapper.Map(update, identity.TelegramUsername);
        if (mapped.Message is { } message)
        {
            await TelegramPhotoCopy.KeepIfExpectedAsync(bot, engine, photos, message, ct);
            var fresh = engine.Handle(message);
            LogHandled(update.Id, update.Type.ToString(), fresh);
        }
        else LogIgnored(update.Id, update.Type.ToString());
        if (mapped.CallbackQueryId is { } id) await AnswerCallbackAsync(bot, id, logger, ct);
    }

    /// <summary>Stops the button's spinner; best effort, the answer itself is already stored.</summary>
    internal static async Task AnswerCallbackAsync(ITelegramBotClient bot, string callbackQueryId, ILogger logger, CancellationToken ct)
    {
        // A hanging answer must not hold up the updates behind it.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await bot.AnswerCallbackQuery(callbackQueryId, cancellationToken: timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogCallbackNotAnswered(logger, TelegramErrors.Describe(ex));
        }
    }


    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ({Type}) handled; new: {Fresh}")]
    private partial void LogHandled(int updateId, string type, bool fresh);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ({Type}) ignored")]
    private partial void LogIgnored(int updateId, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed ({Reason}); retrying in {Seconds} s")]
    private partial void LogTransient(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram getUpdates conflict ({Reason}): another program polls with this token, or a webhook is set. Stop the other instance or use Telegram:Mode=webhook. Retrying in {Seconds} s")]
    private partial void LogConflict(string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update handling failed ({Type}: {Reason}); the update will come again in {Seconds} s")]
    private partial void LogFailed(Exception ex, string type, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram callback query not answered: {Reason}")]
    private static partial void LogCallbackNotAnswered(ILogger logger, string reason);
}
