using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Hands one Zalo update to the engine. A sticker, picture, voice note or hidden content gets a short
/// request for text, stored like any answer (once per message id), and changes nothing else.
/// </summary>
public sealed partial class ZaloInbox(BotEngine engine, BotStore store, Messenger messenger, PlanHolder time, ILogger<ZaloInbox> logger)
{
    public const string TextPlease =
        "Bot chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ nội dung bằng chữ (ví dụ một số, «có», «không»), hoặc gõ /trogiup để xem hướng dẫn.";

    /// <summary>Stores the update's effects; false when the same message was handled before.</summary>
    public bool Accept(ZaloUpdate update)
    {
        // Zalo shows a chat id nowhere in its app: the log is where an admin finds theirs (Bot:AdminChatIds).
        if (store.Accounts.FindById(ChatAccount.AddressOf(ZaloUpdateMapper.Channel, update.Message.Chat.Id)) is null)
            LogNewChat(update.Message.Chat.Id);
        if (ZaloUpdateMapper.Map(update) is { } message)
        {
            var fresh = engine.Handle(message);
            LogHandled(update.EventName, fresh);
            return fresh;
        }
        // In a group a picture is for the people there, not for the bot.
        if (!update.Message.Chat.IsPrivate) return false;
        var key = ZaloUpdateMapper.KeyOf(update);
        var answered = store.Write(() =>
        {
            if (store.Received.FindById(key) is not null) return false;
            messenger.To(ZaloUpdateMapper.Channel, update.Message.Chat.Id, TextPlease);
            store.Received.Insert(new ReceivedMessage { Id = key, At = time.UtcNow });
            return true;
        });
        LogNotText(update.EventName, answered);
        return answered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo chat zalo:{ChatId} is not known to the bot yet")]
    private partial void LogNewChat(string chatId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo {EventName} handled; new: {Fresh}")]
    private partial void LogHandled(string eventName, bool fresh);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo {EventName} is not text; asked for text: {Answered}")]
    private partial void LogNotText(string eventName, bool answered);
}
