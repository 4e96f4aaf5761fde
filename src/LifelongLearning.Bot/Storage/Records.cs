using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Storage;

// The documents kept in LiteDB, one class per collection. They are plain classes with setters because
// LiteDB maps those; the rules live in the domain and the engine.

public enum Role
{
    Resident,
    Reporter,
    Official,
    Admin,
}

/// <summary>A responsible unit (collection "units"); its Id is its code, e.g. "TV-TH".</summary>
public sealed class UnitRecord : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Area { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A person who uses the bot (collection "members"), whatever channels they write from.</summary>
public sealed class Member : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public Role Role { get; set; }
    public string? UnitId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RemovedAt { get; set; }

    /// <summary>The person asked (/lienket ca-hai) for reminders and alerts on every linked account, not only the last used.</summary>
    public bool BothChannels { get; set; }
}

/// <summary>A chat account on one channel (collection "accounts"); Id is "channel:chatId".</summary>
public sealed class ChatAccount : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string MemberId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime LastSeenAt { get; set; }

    /// <summary>Why the platform refused the last message (blocked the bot, unknown chat); null when reachable.</summary>
    public string? UnreachableReason { get; set; }
    public DateTime? UnreachableSince { get; set; }

    /// <summary>
    /// The chat's own command menu must be published (again): its person joined, changed role or left since the
    /// channel last published it. Only a channel with a command menu (Telegram) reads it.
    /// </summary>
    public bool MenuDue { get; set; }

    public static string AddressOf(string channel, string chatId) => $"{channel}:{chatId}";
}

public enum RoundStatus
{
    Open,
    Closed,
}

/// <summary>A period's collection of figures (collection "rounds"); Id is the period code, e.g. "2025-H1".</summary>
public sealed class Round : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public PeriodKind Kind { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    /// <summary>The commune's local day by which units report.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>The local day the round closes (its digest goes out); late answers are taken until then.</summary>
    public DateOnly ClosesOn { get; set; }
    public RoundStatus Status { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    public ReportingPeriod Period => new(Kind, Year, Number);

    /// <summary>
    /// A round's id: the period code in the shipped commune, as every store before the city wrote it (so none
    /// needs its rounds, answers and outbox keys rewritten), "commune~period" in another. Two communes on one
    /// period hold two rounds, and every id and dedup key made from a round id (answers, reminders, digests,
    /// the chart) is its commune's own.
    /// </summary>
    public static string IdOf(string communeId, ReportingPeriod period) =>
        communeId == Communes.Shipped ? period.Code : $"{communeId}{CommuneSeparator}{period.Code}";

    /// <summary>Between the commune and the period in a round id; a commune code may not hold it (<c>CityLoader</c>).</summary>
    public const char CommuneSeparator = '~';
}

/// <summary>One revision of an answer: what it was set to, by whom, when, through which channel.</summary>
public sealed class Revision
{
    public AnswerValue Value { get; set; } = AnswerValue.Missing;
    public string MemberId { get; set; } = "";
    public string MemberName { get; set; } = "";
    public string Channel { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>
/// A unit's confirmed answer to one indicator in one round (collection "answers"), with every revision.
/// Id is "round/unit/indicator".
/// </summary>
public sealed class Answer : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string RoundId { get; set; } = "";
    public string UnitId { get; set; } = "";
    public string IndicatorCode { get; set; } = "";
    public AnswerValue Value { get; set; } = AnswerValue.Missing;
    public List<Revision> Revisions { get; set; } = [];
    public DateTime FirstConfirmedAt { get; set; }

    public static string IdOf(string roundId, string unitId, string code) => $"{roundId}/{unitId}/{code}";
}

/// <summary>An invite code or a link code (collection "invites"), stored only as its hash.</summary>
public sealed class Invite : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public Role Role { get; set; }
    public string? UnitId { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? UsedBy { get; set; }

    /// <summary>Set for a link code (/lienket): the member whose new account the code's sender becomes.</summary>
    public string? LinksMemberId { get; set; }
}

/// <summary>A message received and handled (collection "received"); the unique Id makes a second copy a no-op.</summary>
public sealed class ReceivedMessage
{
    public string Id { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A resident who agreed to receive announcements (collection "subscribers"); Id is the member's.</summary>
public sealed class Subscriber : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string? Area { get; set; }
    public bool Active { get; set; }
    public DateTime SubscribedAt { get; set; }
    public DateTime? LeftAt { get; set; }
}

/// <summary>
/// An event residents hear about (collection "events"): one an official added (/sukien), or a day the plan
/// names (<see cref="PlanKey"/> set, seeded each year so the calendar has them from the start).
/// </summary>
public sealed class EventRecord : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public int Id { get; set; }
    public string Title { get; set; } = "";

    /// <summary>When it starts, UTC; for an all-day event the local midnight of its first day.</summary>
    public DateTime StartsAt { get; set; }

    /// <summary>No time of day (a day the plan names): announced as a date only.</summary>
    public bool AllDay { get; set; }

    /// <summary>The last local day of a multi-day event (the learning week); null for a one-day event.</summary>
    public DateOnly? LastDay { get; set; }

    public string? Place { get; set; }
    public string? Description { get; set; }

    /// <summary>The village it is for; null for the whole commune.</summary>
    public string? Area { get; set; }

    /// <summary>A photo the platform already holds, as "channel:reference" (see <see cref="OutboxMessage.PhotoRef"/>).</summary>
    public string? PhotoFileId { get; set; }

    /// <summary>The unit that organises it; it is asked for the number of participants afterwards.</summary>
    public string? OrganiserUnitId { get; set; }

    /// <summary>"plan:2026-04-21" for a day the plan names, so seeding it again finds it; null for an official's event.</summary>
    public string? PlanKey { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
}

/// <summary>The store's own facts (collection "meta"): the schema version.</summary>
public sealed class MetaRecord
{
    public string Id { get; set; } = "";
    public int Value { get; set; }
}

/// <summary>An announcement sent to residents (collection "broadcasts"), for its delivery report.</summary>
public sealed class Broadcast : ICommuneOwned
{
    public string CommuneId { get; set; } = Communes.Shipped;
    public string Id { get; set; } = "";
    public string OfficialId { get; set; } = "";
    public int Recipients { get; set; }

    /// <summary>
    /// Rows no longer pending (sent, refused, cancelled), counted in the transaction that settles each, so
    /// "is it done" is one read instead of a scan of every row at every send.
    /// </summary>
    public int Settled { get; set; }

    /// <summary>
    /// Recipients never given a row: they left, or the broadcast was cancelled, before their batch was written
    /// (<see cref="BroadcastBatch"/>). Counted in <see cref="Settled"/> too, and reported as cancelled.
    /// </summary>
    public int Unqueued { get; set; }

    /// <summary>What each row sends (text with its footer, the photo's reference and its store copy), kept for the batches still to write.</summary>
    public string? Text { get; set; }
    public string? PhotoRef { get; set; }
    public string? PhotoFileId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ReportedAt { get; set; }
}
