namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>A send the fake accepted. <see cref="Method"/> is sendMessage, sendPhoto or sendSticker.</summary>
public sealed record SentZaloMessage(string ChatId, string Method, string? Text, string? PhotoUrl, string? Caption)
{
    public override string ToString() => Method switch
    {
        "sendPhoto" => $"{ChatId} ← photo {PhotoUrl} \"{Caption}\"",
        _ => $"{ChatId} ← {Method} \"{Text}\"",
    };
}
