using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine.Flows;

/// <summary>Every conversation flow, found by the mode a conversation is in.</summary>
public sealed class ConversationFlows(IEnumerable<IConversationFlow> flows)
{
    private readonly Dictionary<ConversationMode, IConversationFlow> _byMode = flows.ToDictionary(f => f.Mode);

    /// <summary>The flow this person is in and may go on with; null when idle.</summary>
    public IConversationFlow? Of(Conversation c, Role role) =>
        _byMode.TryGetValue(c.Mode, out var flow) && flow.Allows(role) ? flow : null;

    public bool TakesPhoto(Conversation c, Role role) => Of(c, role)?.TakesPhoto(c) ?? false;

    /// <summary>/huy, for every role: whatever the person is writing is left.</summary>
    public void Cancel(Turn turn)
    {
        if (_byMode.TryGetValue(turn.Conversation.Mode, out var flow)) flow.Cancel(turn);
        else turn.Say("Không có việc gì đang dở. Gõ /trogiup để xem các lệnh.");
    }
}
