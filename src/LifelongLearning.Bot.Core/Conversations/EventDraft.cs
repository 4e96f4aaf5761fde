namespace LifelongLearning.Bot.Core.Conversations;

/// <summary>
/// The event an official is adding with /sukien, one field per step. It is saved with the conversation, so a
/// restart (or a switch of channel) resumes at the same step with every answer kept. Its photo is the conversation's (<see cref="Conversation.Photo"/>).
/// </summary>
public sealed class EventDraft
{
    public string? Title { get; set; }

    /// <summary>When it starts, in UTC; the commune's midnight for an event that lasts the whole day.</summary>
    public DateTime? StartsAt { get; set; }

    public bool AllDay { get; set; }
    public string? Place { get; set; }
    public string? Description { get; set; }

    /// <summary>The village it is for; null for the whole commune.</summary>
    public string? Area { get; set; }

    public string? OrganiserUnitId { get; set; }
}
