namespace LifelongLearning.Bot.Storage;

/// <summary>
/// A public link to a stored file (collection "filelinks"), for platforms that take a picture or a document
/// only as a URL (Zalo). Id is the SHA-256 of the link's token, so a copy of the database opens no file.
/// </summary>
public sealed class FileLink
{
    public string Id { get; set; } = "";
    public string FileId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
