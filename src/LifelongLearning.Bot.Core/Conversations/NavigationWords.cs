using LifelongLearning.Bot.Core.Text;

namespace LifelongLearning.Bot.Core.Conversations;

/// <summary>What a person types to step back in any flow (a report, an event), on every channel.</summary>
public static class NavigationWords
{
    /// <summary>The label of the button, and the word the prompts teach.</summary>
    public const string Back = "quay lại";

    private static readonly HashSet<string> BackWords = ["quay lai", "/quaylai", "quaylai", "lui", "back"];

    /// <summary>Whether the text (already folded with <see cref="Words.Fold"/>) asks to go back one step.</summary>
    public static bool IsBack(string folded) => BackWords.Contains(folded);
}
