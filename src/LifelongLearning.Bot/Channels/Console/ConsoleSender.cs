using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;

namespace LifelongLearning.Bot.Channels.Console;

/// <summary>Shows outbox messages in the terminal, numbered choices the way Zalo shows them.</summary>
public sealed class ConsoleSender(ConsoleTerminal terminal, Outgoing outgoing) : IChannelSender
{
    /// <summary>What the terminal registers of itself: no limit, numbered choices, files named by their path.</summary>
    public static readonly ChannelProfile Profile = new(ConsoleChannel.Name, int.MaxValue, NumbersChoices: true, UploadsFiles: false);

    public string Channel => ConsoleChannel.Name;

    public ChannelLimits Limits { get; } = new(MessagesPerSecond: 1000, PerChatInterval: TimeSpan.FromMilliseconds(1), PerChatBurst: 1000);

    private readonly Lazy<string> _folder = new(() => Directory.CreateTempSubdirectory("lifelonglearning-bot-").FullName);

    /// <summary>Where this instance saves the pictures and files it shows: made on first use, one per run.</summary>
    public string FilesFolder => _folder.Value;

    public Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
    {
        var name = outgoing.DisplayNameOf(Channel, message.ChatId) ?? message.ChatId;
        var text = message.NumberedChoices ? ChoiceText.WithNumbered(message.Text, message.Choices) : message.Text;
        if (message.PhotoFileId is { } photo) text += $"\n[Kèm hình, đã lưu ở: {SaveFile(photo, photo + ".png")}]";
        if (message.DocumentFileId is { } document)
            text += $"\n[Kèm tệp, đã lưu ở: {SaveFile(document, $"{message.Id}-{outgoing.FileNameOf(document) ?? "tep"}")}]";
        terminal.ShowBotMessage(message.ChatId, name, text);
        return Task.CompletedTask;
    }

    // A terminal cannot show a picture or a document: save it where the person can open it. The folder is
    // this run's own (CreateTempSubdirectory makes it unique and, on Unix, readable by its owner only), and the
    // name keeps only letters, digits, '-', '_' and '.', so a stored id such as "$/charts/2026-H1" gives a path
    // a shell can take without quoting and another user cannot guess.
    private string SaveFile(string fileId, string fileName)
    {
        var path = Path.Combine(FilesFolder, SafeName(fileName));
        using (var source = outgoing.OpenFile(fileId))
        using (var target = File.Create(path))
            source.CopyTo(target);
        return path;
    }

    private static string SafeName(string name)
    {
        var kept = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray()).Trim('-', '.');
        return kept.Length == 0 ? "tep" : kept;
    }
}
