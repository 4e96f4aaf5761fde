namespace LifelongLearning.Bot.Storage;

public enum ExportStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// An official's request for the report files (collection "exports"), stored by /xuat in the message's
/// transaction and built later by the export service, so a crash in between loses no request.
/// </summary>
public sealed class ExportRequest : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public long Id { get; set; }
    public string Scope { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public ExportStatus Status { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? Error { get; set; }
}
