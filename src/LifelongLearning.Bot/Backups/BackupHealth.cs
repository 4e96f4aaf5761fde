namespace LifelongLearning.Bot.Backups;

/// <summary>
/// How the backups stand, for the officials' digest and /healthz: the last good copy and the last failure.
/// A failure, or no copy for two days, is a problem someone must hear of.
/// </summary>
public sealed class BackupHealth(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(2);

    private readonly DateTimeOffset _since = clock.GetUtcNow();
    private readonly Lock _gate = new();
    private (DateTimeOffset At, string Path, int Answers)? _success;
    private (DateTimeOffset At, string Reason)? _failure;

    public DateTimeOffset? LastSuccessAt { get { lock (_gate) return _success?.At; } }

    public DateTimeOffset? LastFailureAt { get { lock (_gate) return _failure?.At; } }

    public void Succeeded(DateTimeOffset at, string path, int answers)
    {
        lock (_gate) if (_success is null || at > _success.Value.At) _success = (at, path, answers);
    }

    public void Failed(DateTimeOffset at, string reason)
    {
        lock (_gate) _failure = (at, reason);
    }

    /// <summary>No good copy for longer than <see cref="MaxAge"/> (counted from the start when there was none).</summary>
    public bool IsStale()
    {
        lock (_gate) return clock.GetUtcNow() - (_success?.At ?? _since) > MaxAge;
    }

    /// <summary>A Vietnamese sentence for the officials when the backups need a look; null when they are fine.</summary>
    public string? Problem()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_failure is { } f && (_success is null || f.At > _success.Value.At))
                return $"⚠️ Sao lưu dữ liệu không thành công ({f.Reason}). Hãy báo người quản lý máy chủ kiểm tra thư mục sao lưu.";
            if (now - (_success?.At ?? _since) > MaxAge)
                return "⚠️ Đã hơn hai ngày chưa có bản sao lưu dữ liệu nào. Hãy báo người quản lý máy chủ kiểm tra bot.";
            return null;
        }
    }
}
