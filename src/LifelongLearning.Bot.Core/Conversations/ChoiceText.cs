namespace LifelongLearning.Bot.Core.Conversations;

/// <summary>Numbered choices as text, for channels without buttons (Zalo, the console): "1. Có  2. Không".</summary>
public static class ChoiceText
{
    public static string Numbered(IReadOnlyList<Choice> choices) =>
        string.Join("  ", choices.Select((c, i) => $"{i + 1}. {c.Label}"));

    /// <summary>The text with its numbered choices on a line of their own; unchanged when there are none.</summary>
    public static string WithNumbered(string text, IReadOnlyList<Choice> choices) =>
        choices.Count == 0 ? text : $"{text}\n{Numbered(choices)}";
}
