using LifelongLearning.Bot.Core.Periods;
using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Exports;
using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Exports;

/// <summary>
/// Builds the files officials asked for with /xuat, one request at a time, off the message-handling
/// path; then, in one transaction, puts them in the store's file storage, queues them to the official
/// and marks the request done. A request left pending by a crash is built at the next start.
/// </summary>
public sealed partial class ExportService(BotStore store, ExportFiles files, CityWorkbook cityWorkbook, Plan plan, CommuneClock clock, Messenger messenger, ILogger<ExportService> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Every commit may have stored a request; waking is cheap, the pending ones are looked up by index.
        void Wake() { if (_wake.CurrentCount == 0) _wake.Release(); }
        store.Committed += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var request in store.Read(() => store.Exports.Find(e => e.Status == ExportStatus.Pending).OrderBy(e => e.Id).ToList()))
                {
                    stoppingToken.ThrowIfCancellationRequested();
                    try
                    {
                        await Task.Run(() => Process(request, stoppingToken), stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Storing the files failed (a full disk…). A background service that throws stops the
                        // whole host, channels included, and the pending request would do it again at every
                        // start: mark it failed, tell the official, keep the bot running.
                        LogFailed(ex, request.Id, request.Scope);
                        try { Finish(request, ExportStatus.Failed, ex.Message, []); }
                        catch (Exception again) when (again is not OperationCanceledException) { LogFailed(again, request.Id, request.Scope); }
                    }
                }
                await _wake.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            store.Committed -= Wake;
        }
    }

    private void Process(ExportRequest request, CancellationToken ct)
    {
        if (!ExportScope.TryParse(request.Scope, out var scope))
        {
            Finish(request, ExportStatus.Failed, $"kỳ «{request.Scope}» không hợp lệ", []);
            return;
        }
        IReadOnlyList<ExportFile> built;
        try
        {
            // A city official's request (stamped with the city's code) is the city's workbook of one period.
            built = request.CommuneId == Communes.City ? [cityWorkbook.Build(scope!.Main)] : files.Build(scope!, request.CommuneId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, request.Id, request.Scope);
            Finish(request, ExportStatus.Failed, ex.Message, []);
            return;
        }
        Finish(request, ExportStatus.Done, null, built);
        LogSent(request.Id, request.Scope, built.Count);
    }

    private void Finish(ExportRequest request, ExportStatus status, string? error, IReadOnlyList<ExportFile> built) => store.Write(() =>
    {
        var current = store.Exports.FindById(request.Id);
        if (current is null || current.Status != ExportStatus.Pending) return;
        if (status == ExportStatus.Done)
        {
            messenger.Enqueue(new OutboxMessage
            {
                Channel = request.Channel, ChatId = request.ChatId, Kind = OutboxKinds.Reply,
                Text = request.CommuneId == Communes.City
                    ? $"Bảng tổng hợp của thành phố {(ReportingPeriod.TryParse(request.Scope, out var period) ? period!.Label : request.Scope)} đã sẵn sàng."
                    : $"Các tệp báo cáo {(ExportScope.TryParse(request.Scope, out var scope) ? scope!.Under(plan).Label : request.Scope)} đã sẵn sàng. " +
                      "Dự thảo báo cáo cần được kiểm tra, bổ sung trước khi trình ký.",
            });
            foreach (var file in built)
            {
                var fileId = $"exports/{request.Id}/{file.Name}";
                using (var stream = new MemoryStream(file.Content)) store.Files.Upload(fileId, file.Name, stream);
                messenger.Enqueue(new OutboxMessage
                {
                    Channel = request.Channel, ChatId = request.ChatId, Kind = OutboxKinds.Reply, Text = file.Caption, DocumentFileId = fileId,
                    DedupKey = DedupKeys.ExportFile(request.Id, file.Name),
                });
            }
        }
        else
        {
            messenger.Enqueue(new OutboxMessage
            {
                Channel = request.Channel, ChatId = request.ChatId, Kind = OutboxKinds.Reply,
                Text = $"Xin lỗi, bot chưa xuất được báo cáo kỳ {request.Scope}. Vui lòng thử lại sau, hoặc báo người quản trị.",
            });
        }
        current.Status = status;
        current.Error = error;
        current.FinishedAt = clock.UtcNow;
        store.Exports.Update(current);
    });

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export {Id} ({Scope}) built and queued: {Files} files")]
    private partial void LogSent(long id, string scope, int files);

    [LoggerMessage(Level = LogLevel.Error, Message = "Export {Id} ({Scope}) could not be built")]
    private partial void LogFailed(Exception ex, long id, string scope);
}
