using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Hands one Zalo update to the engine. A picture becomes a message with its reference (the engine says
/// whether one is welcome); a sticker, voice note or hidden content gets a short request for text, stored like
/// any answer (once per message id), and changes nothing else.
/// </summary>
public sealed partial class ZaloInbox(
    BotEngine engine,
    PhotoCopies photos,
    IHttpClientFactory http,
    ILogger<ZaloInbox> logger)
{
    /// <summary>The client that fetches pictures people send; its URLs carry no token, unlike the API's.</summary>
    public const string PhotoClientName = "zalo-photos";

    public const string TextPlease = BotEngine.TextPlease;

    /// <summary>Stores the update's effects; false when the same message was handled before.</summary>
    public async Task<bool> AcceptAsync(ZaloUpdate update, CancellationToken ct)
    {
        // Zalo shows a chat id nowhere in its app: the log is where an admin finds theirs (Bot:AdminChatIds).
        if (!engine.Knows(ZaloUpdateMapper.Channel, update.Message.Chat.Id))
            LogNewChat(update.Message.Chat.Id);
        if (ZaloUpdateMapper.Map(update) is { } message)
        {
            // Fetched here, before the engine's transaction, which must not wait on the network (see PhotoCopies).
            // A failure is not fatal: the photo then reaches Zalo users only, and the preview says so.
            if (ZaloUpdateMapper.UrlOf(message.PhotoRef) is { } url && engine.ExpectsPhoto(message))
                await photos.KeepAsync(message.PhotoRef!, (into, token) => DownloadAsync(url, into, token), ct);
            var fresh = engine.Handle(message);
            LogHandled(update.EventName, fresh);
            return fresh;
        }
        // In a group a sticker is for the people there, not for the bot.
        if (!update.Message.Chat.IsPrivate) return false;
        var answered = engine.AskForText(ZaloUpdateMapper.Channel, update.Message.Chat.Id, ZaloUpdateMapper.KeyOf(update));
        LogNotText(update.EventName, answered);
        return answered;
    }

    private async Task DownloadAsync(string url, Stream into, CancellationToken ct)
    {
        using var response = await http.CreateClient(PhotoClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        // A declared size over the cap is refused before reading; an undeclared one is capped while copying.
        if (response.Content.Headers.ContentLength > PhotoCopies.MaxBytes)
            throw new InvalidDataException($"the photo is {response.Content.Headers.ContentLength} bytes");
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(into, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo chat zalo:{ChatId} is not known to the bot yet")]
    private partial void LogNewChat(string chatId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo {EventName} handled; new: {Fresh}")]
    private partial void LogHandled(string eventName, bool fresh);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo {EventName} is not text; asked for text: {Answered}")]
    private partial void LogNotText(string eventName, bool answered);
}
