using Microsoft.AspNetCore.Http;

namespace LifelongLearning.Bot.Tests.Fakes.Zalo;

public sealed partial class FakeZaloServer
{
    private readonly List<FakeZaloFault> _faults = [];
    private readonly Dictionary<string, string> _refusedChats = [];

    /// <summary>The next <paramref name="count"/> calls (of <paramref name="method"/>, or any) get this HTTP status with an HTML body.</summary>
    public void FailNext(string? method = null, int httpStatus = 503, int count = 1) =>
        AddFault(new FakeZaloFault(method, FakeZaloFaultKind.HttpStatus, httpStatus, "", count));

    /// <summary>The next call of <paramref name="method"/> whose text holds <paramref name="textContains"/> gets this HTTP status.</summary>
    public void FailNextContaining(string method, string textContains, int httpStatus = 503) =>
        AddFault(new FakeZaloFault(method, FakeZaloFaultKind.HttpStatus, httpStatus, "", 1, textContains));

    /// <summary>The next <paramref name="count"/> calls (whose text holds <paramref name="textContains"/>, if given) get HTTP 200 with ok:false and this error_code.</summary>
    public void RejectNext(string? method, int errorCode, string description = "Injected error", int count = 1, string? textContains = null) =>
        AddFault(new FakeZaloFault(method, FakeZaloFaultKind.ZaloError, errorCode, description, count, textContains));

    /// <summary>The next <paramref name="count"/> calls never answer, until the caller gives up or the server stops.</summary>
    public void HangNext(string? method = null, int count = 1) =>
        AddFault(new FakeZaloFault(method, FakeZaloFaultKind.Hang, 0, "", count));

    /// <summary>
    /// Sends to this chat get ok:false 403 with <paramref name="description"/>: a person who blocked the bot or
    /// cannot be reached. Zalo's real code for that is not documented; 403 is the fake's choice.
    /// </summary>
    public void RefuseChat(string chatId, string description = "Forbidden: the user cannot receive messages from this bot")
    {
        lock (_gate) _refusedChats[chatId] = description;
    }

    public void AcceptChat(string chatId)
    {
        lock (_gate) _refusedChats.Remove(chatId);
    }

    private void AddFault(FakeZaloFault fault)
    {
        lock (_gate) _faults.Add(fault);
    }

    private string? RefusalFor(string chatId)
    {
        lock (_gate) return _refusedChats.GetValueOrDefault(chatId);
    }

    /// <summary>True when a fault answered (or swallowed) the call.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, string method, string? text, CancellationToken aborted)
    {
        FakeZaloFault? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => f.AppliesTo(method, text));
            if (fault is null)
                return false;
            fault.Remaining--;
            if (fault.Remaining == 0)
                _faults.Remove(fault);
        }

        switch (fault.Kind)
        {
            case FakeZaloFaultKind.HttpStatus:
                await FakeZaloAnswers.GatewayFailureAsync(context, fault.Code);
                break;
            case FakeZaloFaultKind.ZaloError:
                await FakeZaloAnswers.ErrorAsync(context, fault.Code, fault.Description);
                break;
            case FakeZaloFaultKind.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, aborted);
                }
                catch (OperationCanceledException)
                {
                    // The caller gave up or the server stops; either way nobody reads an answer.
                    context.Abort();
                }
                break;
        }
        return true;
    }
}
