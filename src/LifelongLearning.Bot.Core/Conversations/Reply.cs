namespace LifelongLearning.Bot.Core.Conversations;

/// <summary>A choice the bot offers: Telegram shows it as a button, Zalo and the console as a numbered line.</summary>
public sealed record Choice(string Label, string Value);

/// <summary>
/// One message the bot says. <see cref="Numbered"/> choices may be answered by typing their number
/// ("1. Có  2. Không"); choices that are not numbered are only buttons, for channels that have them,
/// because the text already says what to type (a count question must leave "1" to mean one).
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices, bool Numbered = false)
{
    public static Reply Plain(string text) => new(text, []);

    public static implicit operator Reply(string text) => Plain(text);
}
