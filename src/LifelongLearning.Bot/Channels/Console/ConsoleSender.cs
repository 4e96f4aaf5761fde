using LifelongLearning.Bot.Outbox;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Channels.Console;

/// <summary>Shows outbox messages in the terminal, numbered choices the way Zalo shows them.</summary>
public sealed class ConsoleSender(ConsoleTerminal terminal, BotStore store) : IChannelSender
{
    public string Channel => ConsoleChannel.Name;

    public ChannelLimits Limits { get; } = new(MessagesPerSecond: 1000, PerChatInterval: TimeSpan.FromMilliseconds(1), PerChatBurst: 1000);

    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var name = store.Accounts.FindById(ChatAccount.AddressOf(Channel, message.ChatId))?.DisplayName ?? message.ChatId;
        var text = message.Text;
        if (message.NumberedChoices && message.Choices.Count > 0)
            text += "\n" + string.Join("   ", message.Choices.Select((c, i) => $"{i + 1}. {c.Label}"));
        if (message.PhotoFileId is not null) text += "\n[Kèm hình: biểu đồ — xem trên Telegram hoặc Zalo]";
        terminal.ShowBotMessage(message.ChatId, name, text);
        return Task.CompletedTask;
    }
}
