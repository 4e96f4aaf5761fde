using System.Globalization;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Delivers outbox messages on Telegram (long texts arrive split to 4096 characters by the messenger): choices
/// as inline buttons, charts as photos, exports as documents. Failures become <see cref="SendFailedException"/>
/// so the outbox retries, waits out a 429, or marks a person who blocked the bot.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient bot, Outgoing outgoing, IOptions<TelegramOptions> options) : IChannelSender
{
    public const int MaxTextLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>What Telegram registers of itself: 4096 characters, buttons, files uploaded.</summary>
    public static readonly ChannelProfile Profile = new(TelegramUpdateMapper.Channel, MaxTextLength, NumbersChoices: false, UploadsFiles: true);

    public string Channel => TelegramUpdateMapper.Channel;

    // No burst to a chat: Telegram tolerates a short one, then answers 429 (issue 15 saw bursts of three draw them).
    public ChannelLimits Limits { get; } = new(MessagesPerSecond: options.Value.MessagesPerSecond, PerChatInterval: options.Value.PerChatInterval,
        MaxInFlight: options.Value.MaxInFlight);

    private static bool FitsCaption(string text) => text.Length is > 0 and <= MaxCaptionLength;

    public async Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
    {
        var chat = new ChatId(long.Parse(message.ChatId, CultureInfo.InvariantCulture));
        var keyboard = Keyboard(message.Choices);
        try
        {
            if (message.PhotoRef is { } reference && reference.StartsWith(TelegramUpdateMapper.PhotoPrefix, StringComparison.Ordinal))
            {
                await SendPhotoByIdAsync(chat, reference[TelegramUpdateMapper.PhotoPrefix.Length..], message.Text, keyboard, pace, cancellationToken);
                return;
            }
            if ((message.PhotoFileId ?? message.DocumentFileId) is { } fileId)
            {
                await SendFileAsync(chat, fileId, isPhoto: message.PhotoFileId is not null, message.Text, keyboard, pace, cancellationToken);
                return;
            }
            await SendTextAsync(chat, message.Text, keyboard, cancellationToken);
        }
        catch (Exception ex) when (ex is not SendFailedException && !cancellationToken.IsCancellationRequested)
        {
            throw Classify(ex);
        }
    }

    /// <summary>A chart as a photo, an export as a document; the text as caption when it fits, else after it.</summary>
    private async Task SendFileAsync(ChatId chat, string fileId, bool isPhoto, string text, InlineKeyboardMarkup? keyboard, SendPace pace, CancellationToken ct)
    {
        var captioned = FitsCaption(text);
        var caption = captioned ? text : null;
        var markup = captioned ? keyboard : null;
        await using (var stream = outgoing.OpenFile(fileId))
        {
            if (isPhoto)
                await bot.SendPhoto(chat, InputFile.FromStream(stream, Path.GetFileName(fileId) + ".png"), caption: caption, replyMarkup: markup, cancellationToken: ct);
            else
                await bot.SendDocument(chat, InputFile.FromStream(stream, outgoing.FileNameOf(fileId) ?? fileId), caption: caption, replyMarkup: markup, cancellationToken: ct);
        }
        if (!captioned && text.Length > 0) await FollowingTextAsync(chat, text, keyboard, pace, ct);
    }

    /// <summary>A photo Telegram already holds (a person sent it to the bot): sent again by its file_id, no upload.</summary>
    private async Task SendPhotoByIdAsync(ChatId chat, string telegramFileId, string text, InlineKeyboardMarkup? keyboard, SendPace pace, CancellationToken ct)
    {
        var captioned = FitsCaption(text);
        await bot.SendPhoto(chat, InputFile.FromFileId(telegramFileId), caption: captioned ? text : null, replyMarkup: captioned ? keyboard : null, cancellationToken: ct);
        if (!captioned && text.Length > 0) await FollowingTextAsync(chat, text, keyboard, pace, ct);
    }

    /// <summary>The text after its photo or document is a message of its own to Telegram: it waits its turn in the chat.</summary>
    private async Task FollowingTextAsync(ChatId chat, string text, InlineKeyboardMarkup? keyboard, SendPace pace, CancellationToken ct)
    {
        await pace.NextMessageAsync(ct);
        await SendTextAsync(chat, text, keyboard, ct);
    }

    // Long texts were split into outbox rows when queued (Messenger), so each part is retried on its own.
    private async Task SendTextAsync(ChatId chat, string text, InlineKeyboardMarkup? keyboard, CancellationToken ct) =>
        await bot.SendMessage(chat, text.Length == 0 ? "…" : text, replyMarkup: keyboard, cancellationToken: ct);

    /// <summary>Short labels two to a row, long ones one to a row; callback data is the choice's value.</summary>
    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<Choice> choices)
    {
        if (choices.Count == 0) return null;
        var buttons = choices.Select(c => InlineKeyboardButton.WithCallbackData(c.Label, c.Value)).ToList();
        var perRow = choices.All(c => c.Label.Length <= 16) ? 2 : 1;
        return new InlineKeyboardMarkup(buttons.Chunk(perRow).Select(row => row.AsEnumerable()));
    }

    public static SendFailedException Classify(Exception ex) => ex switch
    {
        ApiRequestException { ErrorCode: 429 } api => new SendFailedException(SendFailure.Transient, $"429: {api.Message}",
            api.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null, api),
        ApiRequestException { ErrorCode: >= 500 } api => new SendFailedException(SendFailure.Transient, $"{api.ErrorCode}: {api.Message}", inner: api),
        // Telegram's own words are kept; RefusalText tells the officials what they mean.
        ApiRequestException { ErrorCode: 403 } api => new SendFailedException(SendFailure.Unreachable, api.Message, inner: api),
        ApiRequestException api => new SendFailedException(SendFailure.Rejected, $"{api.ErrorCode}: {api.Message}", inner: api),
        _ when TelegramErrors.IsTransient(ex, CancellationToken.None) => new SendFailedException(SendFailure.Transient, TelegramErrors.Describe(ex), inner: ex),
        _ => new SendFailedException(SendFailure.Rejected, TelegramErrors.Describe(ex), inner: ex),
    };
}
