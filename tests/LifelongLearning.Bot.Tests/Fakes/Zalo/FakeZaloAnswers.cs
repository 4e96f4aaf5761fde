using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

/// <summary>Zalo's envelope on the wire: always HTTP 200 unless a fault is injected; ok says what happened.</summary>
internal static class FakeZaloAnswers
{
    public static Task OkAsync(HttpContext context, JsonNode? result) =>
        WriteAsync(context, HttpStatusCode.OK, new JsonObject { ["ok"] = true, ["result"] = result });

    public static Task ErrorAsync(HttpContext context, int errorCode, string description, HttpStatusCode httpStatus = HttpStatusCode.OK) =>
        WriteAsync(context, httpStatus, new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description });

    /// <summary>A gateway failure: not Zalo's envelope, just a status and a line of text.</summary>
    public static async Task GatewayFailureAsync(HttpContext context, int httpStatus)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync($"<html><body>{httpStatus} fake gateway failure</body></html>");
    }

    private static async Task WriteAsync(HttpContext context, HttpStatusCode status, JsonObject body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
