using System.Text.Json.Nodes;

namespace LifelongLearning.Bot.Tests.Channels.Telegram;

/// <summary>A photo a person sends to the bot, as Telegram delivers it: several sizes, the largest last, and an optional caption.</summary>
public static class PhotoUpdate
{
    public static JsonObject From(long chatId, string fileId, string? caption = null, string name = "Test")
    {
        var message = new JsonObject
        {
            ["message_id"] = Random.Shared.Next(1_000, 1_000_000),
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = name },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = name },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = fileId + "-small", ["file_unique_id"] = "s" + fileId, ["width"] = 90, ["height"] = 90 },
                new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "b" + fileId, ["width"] = 1280, ["height"] = 960 }),
        };
        if (caption is not null) message["caption"] = caption;
        return new JsonObject { ["message"] = message };
    }
}
