using System.Globalization;
using System.Text.Json;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Tests.Storage.Fixtures;

/// <summary>
/// What a store holds that a person gave or is still owed, as keys and short texts: every answer with each of its
/// revisions, every member, every chat account, every pending outbox row. Written beside a fixture when the
/// fixture is made, and compared with the same reading of the fixture once a newer build has migrated it.
/// </summary>
public sealed record StoreManifest
{
    public int SchemaVersion { get; init; }
    public Dictionary<string, int> Counts { get; init; } = [];
    public SortedDictionary<string, List<string>> Answers { get; init; } = [];
    public SortedDictionary<string, string> Members { get; init; } = [];
    public SortedDictionary<string, string> Accounts { get; init; } = [];
    public SortedDictionary<string, string> PendingOutbox { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static StoreManifest Of(BotStore store)
    {
        var answers = store.Answers.FindAll().ToList();
        var pending = store.Outbox.Find(m => m.Status == OutboxStatus.Pending).ToList();
        return new StoreManifest
        {
            SchemaVersion = store.Meta.FindById("schemaVersion")?.Value ?? 0,
            Counts = new()
            {
                ["answers"] = answers.Count,
                ["revisions"] = answers.Sum(a => a.Revisions.Count),
                ["members"] = store.Members.Count(),
                ["accounts"] = store.Accounts.Count(),
                ["pendingOutbox"] = pending.Count,
                ["broadcasts"] = store.Broadcasts.Count(),
                ["events"] = store.Events.Count(),
                ["rounds"] = store.Rounds.Count(),
            },
            Answers = new(answers.ToDictionary(a => a.Id, a => (List<string>)[Text(a.Value), .. a.Revisions.Select(r => $"{Text(r.Value)} {r.MemberId} {r.Channel} {Time(r.At)}")]), StringComparer.Ordinal),
            Members = new(store.Members.FindAll().ToDictionary(m => m.Id, m => $"{m.Name} {m.Role} {m.UnitId}"), StringComparer.Ordinal),
            Accounts = new(store.Accounts.FindAll().ToDictionary(a => a.Id, a => $"{a.MemberId} {a.DisplayName}"), StringComparer.Ordinal),
            PendingOutbox = new(pending.ToDictionary(m => m.Id.ToString(CultureInfo.InvariantCulture), m => $"{m.Channel}:{m.ChatId} {m.Kind} {m.BroadcastId} {m.Text.Length}"), StringComparer.Ordinal),
        };
    }

    public static StoreManifest Read(string path) => JsonSerializer.Deserialize<StoreManifest>(File.ReadAllText(path), Json)!;

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    // An approximate answer («gần 500») keeps its word: "Nearly 500"; an exact one, and any stored before the word was kept, reads as before.
    private static string Text(AnswerValue v) =>
        (v.Approximation is { } a ? a + " " : "") + (v.YesNo?.ToString() ?? v.Number?.ToString(CultureInfo.InvariantCulture) ?? "-");

    private static string Time(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
