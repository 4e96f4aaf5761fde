using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// A flow that is a list of steps over a typed draft, then a preview: «quay lại» at every step, a field of the
/// preview changed by its number (and back to the preview after), OK to finish. The step reached is
/// <see cref="Conversation.Step"/>; past the last one is the preview.
/// </summary>
public abstract class StepFlow<TDraft> : IConversationFlow
{
    protected abstract IReadOnlyList<FlowStep<TDraft>> Steps { get; }

    public abstract ConversationMode Mode { get; }

    /// <summary>Said once before the first question (null: the first question says enough).</summary>
    protected abstract string? Opening { get; }

    /// <summary>What /huy says: nothing was saved or sent.</summary>
    protected abstract string Cancelled { get; }

    /// <summary>The words that finish the flow at the preview (folded).</summary>
    protected abstract IReadOnlySet<string> FinishWords { get; }

    protected abstract TDraft DraftOf(Conversation c);

    /// <summary>The preview's text and buttons; the base adds the line that says how to change a field.</summary>
    protected abstract Reply Preview(Turn turn);

    /// <summary>Hint at the preview for an answer it does not understand.</summary>
    protected abstract string PreviewHint { get; }

    protected abstract void Finish(Turn turn);

    private int PreviewStep => Steps.Count;

    public virtual bool Allows(Role role) => role is Role.Official or Role.Admin;

    public void Start(Turn turn)
    {
        var c = turn.Conversation;
        c.Reset();
        c.Mode = Mode;
        if (Opening is not null) turn.Say(Opening);
        Ask(turn);
    }

    public bool TakesPhoto(Conversation c) => c.Mode == Mode && c.Step < PreviewStep && Steps[c.Step].TakesPhoto;

    public void Cancel(Turn turn)
    {
        turn.Conversation.Reset();
        turn.Say(Cancelled);
    }

    public void Back(Turn turn)
    {
        var c = turn.Conversation;
        if (c.Step >= PreviewStep) c.Step = PreviewStep - 1;
        else if (c.ReturnToSummary)
        {
            ShowPreview(turn);
            return;
        }
        else if (c.Step == 0) turn.Say("Đây là câu đầu tiên.");
        else c.Step--;
        Ask(turn);
    }

    public void Continue(Turn turn, string text)
    {
        var c = turn.Conversation;
        if (c.Step >= PreviewStep)
        {
            AtPreview(turn, text);
            return;
        }
        if (Steps[c.Step].Take(turn, text, DraftOf(c)) is { } refusal)
        {
            turn.Say(refusal);
            return;
        }
        if (c.ReturnToSummary || c.Step + 1 == PreviewStep) ShowPreview(turn);
        else
        {
            c.Step++;
            Ask(turn);
        }
    }

    private void AtPreview(Turn turn, string text)
    {
        var c = turn.Conversation;
        if (FinishWords.Contains(Words.Fold(text)))
        {
            Finish(turn);
            return;
        }
        if (int.TryParse(text.Trim(), out var n) && n >= 1 && n <= Steps.Count)
        {
            c.ReturnToSummary = true;
            c.Step = n - 1;
            Ask(turn);
            return;
        }
        turn.Say($"{PreviewHint}, một số từ 1 đến {Steps.Count} để sửa mục đó, hoặc /huy để thôi.");
    }

    private void Ask(Turn turn)
    {
        var c = turn.Conversation;
        c.NumberedChoices = [];
        var question = Steps[c.Step].Ask(turn);
        turn.Say(question with { Text = $"{c.Step + 1}/{Steps.Count}. {question.Text}" });
    }

    protected void ShowPreview(Turn turn)
    {
        var c = turn.Conversation;
        c.ReturnToSummary = false;
        c.NumberedChoices = [];
        c.Step = PreviewStep;
        var preview = Preview(turn);
        var fields = string.Join(" · ", Steps.Select((s, i) => $"{i + 1} {s.Field.ToLowerInvariant()}"));
        turn.Say(preview with { Text = $"{preview.Text}\nMuốn sửa mục nào, gõ số của mục đó: {fields}." });
    }
}
