using LifelongLearning.Bot.Engine;
using Telegram.Bot;

namespace LifelongLearning.Bot.Channels.Telegram;

/// <summary>
/// Copies a photo an official sends on Telegram into the store (getFile, then the download), so residents on
/// Zalo receive it too. Done before the engine's transaction, which must not wait on the network (see
/// <see cref="PhotoCopies"/>); a failure leaves the photo to Telegram users, by its file_id.
/// </summary>
public static class TelegramPhotoCopy
{
    public static async Task KeepIfExpectedAsync(ITelegramBotClient bot, BotEngine engine, PhotoCopies photos, IncomingMessage message, CancellationToken ct)
    {
        if (message.PhotoRef is not { } reference || !reference.StartsWith(TelegramUpdateMapper.PhotoPrefix, StringComparison.Ordinal)) return;
        if (!engine.ExpectsPhoto(message)) return;
        var fileId = reference[TelegramUpdateMapper.PhotoPrefix.Length..];
        await photos.KeepAsync(reference, async (into, token) =>
        {
            // getFile tells the size first: a photo over the cap is not downloaded at all.
            var info = await bot.GetFile(fileId, token);
            if (info.FileSize > PhotoCopies.MaxBytes) throw new InvalidDataException($"the photo is {info.FileSize} bytes");
            await bot.DownloadFile(info, into, token);
        }, ct);
    }
}
