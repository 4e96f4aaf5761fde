using System.Text.Json;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>Every Zalo answer: HTTP 200 says nothing, <see cref="Ok"/> does.</summary>
internal sealed record ZaloEnvelope(bool Ok, JsonElement? Result = null, int? ErrorCode = null, string? Description = null);
