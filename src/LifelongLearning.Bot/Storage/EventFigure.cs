namespace LifelongLearning.Bot.Storage;

/// <summary>
/// How many people took part in an event, as one unit reported it after the event (collection
/// "eventFigures"); Id is "event/unit". Every correction is kept with who made it and when.
/// </summary>
public sealed class EventFigure : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public int EventId { get; set; }
    public string UnitId { get; set; } = "";

    /// <summary>The local day the event took place, so a round can find the events of its period.</summary>
    public DateOnly EventDay { get; set; }

    public int Participants { get; set; }
    public List<EventFigureRevision> Revisions { get; set; } = [];

    public static string IdOf(int eventId, string unitId) => $"{eventId}/{unitId}";
}

public sealed class EventFigureRevision
{
    public int Participants { get; set; }
    public string MemberId { get; set; } = "";
    public string MemberName { get; set; } = "";
    public string Channel { get; set; } = "";
    public DateTime At { get; set; }
}
