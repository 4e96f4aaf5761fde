using System.Collections.Concurrent;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LifelongLearning.Bot.Scheduling;

/// <summary>
/// What the calendar does with a step that failed: the error in the log (with its exception the first time
/// this process sees it, a short line after that, since the step is tried again every minute) and a message
/// to the officials, once per step for the life of the store (its dedup key), saying what did not happen.
/// </summary>
public sealed partial class CalendarFailures(BotStore store, Messenger messenger, ILogger<CalendarFailures>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<CalendarFailures>.Instance;
    private readonly ConcurrentDictionary<string, bool> _seen = new();

    public void Failed(string step, Exception ex)
    {
        if (_seen.TryAdd(step, true)) LogFailed(step, ex);
        else LogFailedAgain(step, ex.GetType().Name);
        try
        {
            store.Write(() => messenger.ToOfficials(Reply.Plain(TextFor(step)), OutboxKinds.Alert, DedupKeys.CalendarFailed(step)));
        }
        catch (Exception alertEx) when (alertEx is not OperationCanceledException)
        {
            LogAlertFailed(step, alertEx);
        }
    }

    /// <summary>The officials' words for a step: what it was, and that the rest goes on.</summary>
    public static string TextFor(string step)
    {
        var parts = step.Split(':');
        var what = parts[0] switch
        {
            "open" => $"mở kỳ báo cáo {parts[1]}",
            "close" => $"đóng kỳ báo cáo {parts[1]} và gửi bản tổng hợp",
            "remind" => $"nhắc đơn vị {parts.ElementAtOrDefault(2)} báo cáo kỳ {parts[1]}",
            "escalate" => $"báo các đơn vị trễ hạn kỳ {parts[1]}",
            "digest" => $"gửi bản tổng hợp buổi sáng kỳ {parts[1]}",
            _ => step,
        };
        return $"⚠️ Lịch báo cáo gặp lỗi khi {what}; việc này sẽ được thử lại mỗi phút, các việc khác vẫn chạy bình thường. " +
               "Vui lòng báo người quản trị xem nhật ký (log) của bot.";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reporting calendar step {Step} failed; the other steps go on")]
    private partial void LogFailed(string step, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting calendar step {Step} failed again ({Error})")]
    private partial void LogFailedAgain(string step, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell the officials that calendar step {Step} failed")]
    private partial void LogAlertFailed(string step, Exception ex);
}
