namespace LifelongLearning.Bot.Storage;

/// <summary>A sign-in link from /web (collection "webLinks"): Id is the hash of its token, never the token.</summary>
public sealed class WebLink
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

/// <summary>A signed-in browser (collection "webSessions"): Id is the hash of the cookie's value.</summary>
public sealed class WebSession
{
    public string Id { get; set; } = "";
    public string MemberId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The anti-forgery token of this session's forms; alone it opens nothing (the cookie is needed too).</summary>
    public string FormToken { get; set; } = "";
}
