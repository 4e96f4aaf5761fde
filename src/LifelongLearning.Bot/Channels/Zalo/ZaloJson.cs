using System.Text.Json;
using System.Text.Json.Serialization;

namespace LifelongLearning.Bot.Channels.Zalo;

internal static class ZaloJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Ids and dates have been seen both as strings and as numbers in bot APIs of this family.
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // An explicit null where the model says non-null fails here; a missing field is checked by the caller.
        RespectNullableAnnotations = true,
    };
}
