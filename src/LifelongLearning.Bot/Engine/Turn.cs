using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>One incoming message being handled: who sent it, their conversation, and what the bot answers.</summary>
public sealed class Turn(IncomingMessage message, Member? member, ChatAccount? account, Role role, Conversation conversation)
{
    public IncomingMessage Message { get; } = message;
    public Member? Member { get; set; } = member;
    public ChatAccount? Account { get; set; } = account;
    public Role Role { get; set; } = role;
    public Conversation Conversation { get; } = conversation;
    public List<Reply> Replies { get; } = [];

    /// <summary>/tonghop's digest, built from a read before this message's write; null for any other message.</summary>
    public DigestDraft? PreparedDigest { get; init; }

    /// <summary>A city official's /tonghop: the city's figures, read before this message's write; null for any other message.</summary>
    public Cities.CityRead? PreparedCity { get; init; }

    public bool IsOfficial => Role is Role.Official or Role.Admin;

    /// <summary>A city official: an official whose commune is the city's code. They read every commune's figures and change none.</summary>
    public bool IsCity => Role == Role.Official && Member?.CommuneId == Communes.City;

    /// <summary>The commune whose data this turn may read and change: the writer's own (an admin or a stranger: the shipped one).</summary>
    public string CommuneId => Member?.CommuneId ?? Communes.Shipped;

    public void Say(Reply reply) => Replies.Add(reply);

    public void Say(IEnumerable<Reply> replies) => Replies.AddRange(replies);
}
