using LifelongLearning.Bot.Core.Time;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Core.Text;
using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Channels.Zalo;

/// <summary>
/// Delivers outbox messages on Zalo. Zalo has no buttons, so numbered choices are written out
/// ("1. Có  2. Không"); it takes pictures only as a URL, so a chart or a file goes out as a public link
/// that expires when the bot has a public address, and as a sentence saying where to find it when not.
/// Every refusal (ok:false) marks the person unreachable with Zalo's reason; 5xx and timeouts are retried.
/// Texts arrive already split to 2000 characters by <see cref="Messenger"/>.
/// </summary>
public sealed partial class ZaloSender(
    ZaloClient zalo,
    PublicFiles files,
    CommuneClock clock,
    IOptions<ZaloOptions> options,
    IEnumerable<ChannelProfile> channels,
    ILogger<ZaloSender> logger) : IChannelSender
{
    /// <summary>A text this long takes a moment to read out: show "typing" first.</summary>
    private const int LongText = 1000;

    /// <summary>Where the calendar keeps the digest charts (ReportingCalendar.RoundDigest).</summary>
    private const string ChartPrefix = "$/charts/";

    private readonly ZaloOptions _options = options.Value;

    public string Channel => ZaloUpdateMapper.Channel;

    // Zalo documents no limit: stay polite, one message a second to a chat, no burst.
    public ChannelLimits Limits { get; } = new(options.Value.MessagesPerSecond, options.Value.PerChatInterval, MaxInFlight: options.Value.MaxInFlight);

    /// <summary>What Zalo registers of itself: 2000 characters, numbered choices, files as links.</summary>
    public static readonly ChannelProfile Profile = new(ZaloUpdateMapper.Channel, ZaloClient.MaxTextLength, NumbersChoices: true, UploadsFiles: false);

    /// <summary>Another channel of this bot that uploads charts and files (Telegram, when it is on), named as people read it.</summary>
    private readonly string? _uploader = channels.FirstOrDefault(c => c.UploadsFiles) is { } c ? ChannelName.Display(c.Channel) : null;

    public async Task SendAsync(OutgoingMessage message, SendPace pace, CancellationToken cancellationToken)
    {
        var text = message.Text.Length == 0 ? "…" : message.Text;
        if (message.NumberedChoices) text = ChoiceText.WithNumbered(text, message.Choices);
        try
        {
            // A picture a Zalo user sent: our own link to the store's copy in webhook mode (Zalo's URL may not
            // live until an event's reminder), else Zalo's URL, which Zalo can fetch whatever our mode.
            if (ZaloUpdateMapper.UrlOf(message.PhotoRef) is { } zaloUrl && !(_options.IsWebhook && message.PhotoFileId is not null))
            {
                await PhotoOrTextAsync(message.ChatId, zaloUrl, text, cancellationToken);
                return;
            }
            if (message.PhotoFileId is { } photo)
            {
                await SendPictureAsync(message.ChatId, photo, text, cancellationToken);
                return;
            }
            if (message.DocumentFileId is { } document) text = $"{text}\n\n{DocumentNote(document)}";
            if (text.Length > LongText) await TypingAsync(message.ChatId, cancellationToken);
            await zalo.SendMessageAsync(message.ChatId, Fit(text), cancellationToken);
        }
        catch (ZaloApiException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Classify(ex);
        }
    }

    /// <summary>A picture by URL in webhook mode; otherwise the text and where the picture can be seen.</summary>
    private async Task SendPictureAsync(string chatId, string fileId, string text, CancellationToken ct)
    {
        if (_options.IsWebhook)
        {
            var url = PublicFiles.UrlOf(_options.PublicBaseUrl!, files.Publish(fileId, _options.FileLinkLifetime));
            await PhotoOrTextAsync(chatId, url, text, ct);
            return;
        }
        string note;
        if (fileId.StartsWith(ChartPrefix, StringComparison.Ordinal))
        {
            var where = _uploader is not null
                ? $"gõ /tonghop trên {_uploader} để xem biểu đồ"
                : "quản trị viên có thể đặt địa chỉ công khai cho bot (Zalo:PublicBaseUrl) để bật hình trên Zalo";
            note = $"(Zalo chỉ nhận hình qua một địa chỉ công khai mà bot chưa có, nên biểu đồ không gửi kèm được; {where}. Các số liệu đầy đủ có trong bản tổng hợp.)";
        }
        else note = "(Tin này có kèm một hình ảnh, nhưng Zalo chỉ nhận hình qua một địa chỉ công khai mà bot chưa có, nên hình không gửi kèm được.)";
        await zalo.SendMessageAsync(chatId, Fit($"{text}\n{note}"), ct);
    }

    /// <summary>
    /// A refused sendPhoto says something about the picture (Zalo could not fetch our link, a proxy in front of
    /// /files), not about the person: the text still goes, with the link, and only a refused text means the
    /// person cannot be reached — else one bad picture would unsubscribe every resident.
    /// </summary>
    private async Task PhotoOrTextAsync(string chatId, string url, string text, CancellationToken ct)
    {
        try
        {
            await zalo.SendPhotoAsync(chatId, url, Fit(text), ct);
        }
        catch (ZaloApiException ex) when (!ex.IsTransient && ex.ErrorCode != 401 && !ct.IsCancellationRequested)
        {
            LogPhotoRefused(ex.Description);
            await zalo.SendMessageAsync(chatId, Fit($"{text}\n(Không gửi kèm được hình; xem hình tại: {url})"), ct);
        }
    }

    /// <summary>A download link that expires, or, without a public address, how to get the file.</summary>
    private string DocumentNote(string fileId)
    {
        var name = files.FileNameOf(fileId);
        if (!_options.IsWebhook)
            return $"📎 Tệp «{name}» đã sẵn sàng, nhưng Zalo chỉ gửi được tệp qua một địa chỉ công khai mà bot chưa có. " +
                   (_uploader is not null ? $"Gõ lại lệnh này trên {_uploader} để nhận tệp." : "Vui lòng báo quản trị viên đặt Zalo:PublicBaseUrl để nhận tệp qua Zalo.");
        var url = PublicFiles.UrlOf(_options.PublicBaseUrl!, files.Publish(fileId, _options.FileLinkLifetime));
        var until = VietnameseFormat.DateTime(clock.ToLocal(clock.UtcNow + _options.FileLinkLifetime));
        return $"📎 Tải tệp «{name}»: {url}\n(Liên kết dùng được đến {until}.)";
    }

    private async Task TypingAsync(string chatId, CancellationToken ct)
    {
        // Best effort: a lost "typing" must not hold up or fail the message itself.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try { await zalo.SendChatActionAsync(chatId, "typing", timeout.Token); }
        catch (ZaloApiException ex) { LogTypingFailed(ex.Description); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { LogTypingFailed("timeout"); }
    }

    // The messenger splits to fit; this only guards against a sender's own additions overflowing.
    private static string Fit(string text) =>
        text.Length <= ZaloClient.MaxTextLength ? text : text[..TextElements.CutAt(text, ZaloClient.MaxTextLength - 1)] + "…";

    public static SendFailedException Classify(ZaloApiException ex) => ex switch
    {
        { IsTransient: true } => new SendFailedException(SendFailure.Transient, ex.Description, inner: ex),
        // The bot's own token refused: no person is at fault, so the messages wait for the token to be fixed.
        { ErrorCode: 401 } => new SendFailedException(SendFailure.Transient, $"Zalo từ chối mã bot: {ex.Description}", inner: ex),
        _ when IsPersonsRefusal(ex) => new SendFailedException(SendFailure.Unreachable, ex.Description, inner: ex),
        // Any other refusal (a 400 for the bot's own request: «chat_id is required») is a fault of this row,
        // not of the person: it is retried and given up like a failure, never a reason to unsubscribe anyone,
        // or one such fault in a broadcast would unsubscribe every resident it reaches.
        _ => new SendFailedException(SendFailure.Transient, $"Zalo từ chối yêu cầu của bot: {ex.Description}", inner: ex),
    };

    // Zalo documents no codes for a person who cannot be reached. These are the answers that mean the person
    // blocked the bot, stopped following it or is gone; 403 is the Forbidden of a refused recipient.
    private static readonly string[] RefusalClues =
        ["block", "unfollow", "not follow", "has left", "cannot receive", "user not found", "chat not found", "deactivated"];

    public static bool IsPersonsRefusal(ZaloApiException ex) =>
        ex.ErrorCode == 403 || RefusalClues.Any(c => ex.Description.Contains(c, StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo refused a picture ({Reason}); the text went with the picture's link")]
    private partial void LogPhotoRefused(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo typing indicator not sent: {Reason}")]
    private partial void LogTypingFailed(string reason);
}
