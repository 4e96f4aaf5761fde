using System.Security.Cryptography;
using System.Text;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.Logging;

namespace LifelongLearning.Bot.Engine;

/// <summary>
/// A copy, in the store's file storage, of a photo a person sent (an announcement's, an event's), so the photo
/// can go out on every channel: a "telegram:" file_id means nothing to Zalo, and a Zalo URL nothing to Telegram.
/// <para>
/// The channel that received the photo fetches it (it alone knows how) <b>before</b> handing the message to the
/// engine, because the engine's transaction must not wait on the network (LiteDB transactions belong to one
/// thread, and the store's lock would hold up every other chat). The copy's id follows from the reference, so
/// the engine finds it without being told, a second delivery of the message finds it already there, and a
/// failed fetch leaves nothing: the photo then goes to the people of its own channel only, and the official is
/// told so in the preview.
/// </para>
/// </summary>
public sealed partial class PhotoCopies(BotStore store, ILogger<PhotoCopies> logger)
{
    /// <summary>Telegram's own limit for a photo sent by upload is 10 MB; a poster needs far less.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>A fetch that takes longer holds up the messages behind it (and a webhook delivery waits for it): give up, send text alone.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Every copy's id starts so; housekeeping finds the copies by it.</summary>
    public const string Prefix = "$/photos/";

    /// <summary>Where the copy of the photo with this reference is (or would be) stored.</summary>
    public static string FileIdOf(string photoRef) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(photoRef)))[..32];

    /// <summary>The stored copy's id, or null when there is none. Call inside a store write.</summary>
    public static string? CopyOf(BotStore store, string? photoRef) =>
        photoRef is not null && store.Files.Exists(FileIdOf(photoRef)) ? FileIdOf(photoRef) : null;

    /// <summary>The preview's line about the photo: honest when the copy is missing and the photo cannot travel.</summary>
    public static string PreviewNote(BotStore store, string photoRef) => CopyOf(store, photoRef) is not null
        ? "🖼 Có ảnh kèm"
        : "🖼 Có ảnh kèm (bot chưa tải được ảnh này về: người dùng cùng ứng dụng với anh/chị vẫn nhận được ảnh, " +
          "người dùng ứng dụng khác chỉ nhận nội dung chữ)";

    /// <summary>
    /// Fetches the photo with <paramref name="download"/> (at most <see cref="MaxBytes"/>, within
    /// <see cref="Timeout"/>) and stores it; false, logged, when that failed. Never throws but on cancellation.
    /// </summary>
    public async Task<bool> KeepAsync(string photoRef, Func<Stream, CancellationToken, Task> download, CancellationToken ct)
    {
        var fileId = FileIdOf(photoRef);
        if (store.Read(() => store.Files.Exists(fileId))) return true;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            using var buffer = new CappedStream(MaxBytes);
            await download(buffer, timeout.Token);
            if (buffer.Length == 0) throw new InvalidDataException("the photo is empty");
            buffer.Position = 0;
            store.Write(() => store.Files.Upload(fileId, "anh.jpg", buffer));
            LogKept(photoRef.Split(':')[0], buffer.Length);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Only the channel's name: a Zalo URL may be a private link, a Telegram download URL carries the token.
            LogNotKept(photoRef.Split(':')[0], ex is OperationCanceledException ? "timeout" : $"{ex.GetType().Name}: {ex.Message}");
            return false;
        }
    }

    /// <summary>A memory stream that refuses to grow past its cap, so a huge file is never held whole.</summary>
    private sealed class CappedStream(long cap) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Check(buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override void WriteByte(byte value)
        {
            Check(1);
            base.WriteByte(value);
        }

        private void Check(int count)
        {
            if (Length + count > cap) throw new InvalidDataException($"the photo is larger than {cap / (1024 * 1024)} MB");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Channel} photo was copied to the store ({Bytes} bytes), so every channel can send it")]
    private partial void LogKept(string channel, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Channel} photo could not be copied ({Reason}); it goes to that channel's people only")]
    private partial void LogNotKept(string channel, string reason);
}
