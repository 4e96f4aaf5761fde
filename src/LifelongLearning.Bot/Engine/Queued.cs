namespace LifelongLearning.Bot.Engine;

/// <summary>What <see cref="Messenger.ToMember"/> did with a message.</summary>
public enum Queued
{
    /// <summary>Queued now, for the person's account (or both, if they asked for both channels).</summary>
    Now,
    /// <summary>A message was queued under its dedup key before: nothing new, and the person is still counted as told.</summary>
    Before,
    /// <summary>The person has no account the bot can reach.</summary>
    Nowhere,
}
