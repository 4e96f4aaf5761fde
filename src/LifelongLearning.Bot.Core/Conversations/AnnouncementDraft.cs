namespace LifelongLearning.Bot.Core.Conversations;

/// <summary>The announcement an official is writing with /thongbao (its photo is the conversation's).</summary>
public sealed class AnnouncementDraft
{
    public string? Text { get; set; }

    /// <summary>The village it goes to; null for the whole commune (or not chosen yet: the step says which).</summary>
    public string? Area { get; set; }

    /// <summary>A city official's announcement: the one commune it goes to; null for every commune of the city.</summary>
    public string? Commune { get; set; }
}
