using LifelongLearning.Bot.Core.Conversations;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// One question of a flow of steps: what the preview calls the field, how it is asked, and how an answer is read
/// into the draft. <see cref="Take"/> returns null when the answer was taken, or the reply that says why not
/// (the draft is unchanged then).
/// </summary>
public sealed record FlowStep<TDraft>(
    string Field,
    Func<Turn, Reply> Ask,
    Func<Turn, string, TDraft, Reply?> Take,
    bool TakesPhoto = false);
