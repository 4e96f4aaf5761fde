using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>
/// Something a person writes over several messages (a report, an announcement, an event), with one shape, so the
/// engine hands a message to "the person's flow" and /huy leaves whichever it is without knowing which.
/// </summary>
public interface IConversationFlow
{
    /// <summary>The conversation's mode while a person is in this flow.</summary>
    ConversationMode Mode { get; }

    /// <summary>Whether a person of this role may go on with it (an official demoted mid-announcement may not).</summary>
    bool Allows(Role role);

    void Start(Turn turn);

    /// <summary>An answer to the step the person stands at, or a number picked from the preview.</summary>
    void Continue(Turn turn, string text);

    /// <summary>«quay lại»: the step before, or the preview again when the step was picked from it.</summary>
    void Back(Turn turn);

    /// <summary>/huy: leaves the flow and says what became of the draft.</summary>
    void Cancel(Turn turn);

    /// <summary>Whether the step the person stands at takes a photo.</summary>
    bool TakesPhoto(Conversation c);
}
