using LifelongLearning.Bot.Core.Time;
using System.Security.Cryptography;
using System.Text;
using LifelongLearning.Bot.Storage;

namespace LifelongLearning.Bot.Engine;

/// <summary>What a link's token leads to.</summary>
public enum PublicFileStatus
{
    Found,
    Unknown,
    Expired,
}

public sealed record PublicFileLookup(PublicFileStatus Status, string? FileId = null, string? FileName = null);

/// <summary>
/// Lends a stored file (a chart, an export) a public address that expires, for platforms that fetch
/// files by URL. The token is 256 random bits; only its hash is stored.
/// </summary>
public sealed class PublicFiles(BotStore store, CommuneClock clock)
{
    public const string PathPrefix = "/files/";

    /// <summary>A new token for the file, valid for <paramref name="lifetime"/>; call outside or inside a store write.</summary>
    public string Publish(string fileId, TimeSpan lifetime)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        store.Write(() =>
        {
            // Expired links are of no use to anyone: drop them while here, so the collection stays small.
            store.FileLinks.DeleteMany(l => l.ExpiresAt < clock.UtcNow);
            store.FileLinks.Insert(new FileLink { Id = Hash(token), FileId = fileId, CreatedAt = clock.UtcNow, ExpiresAt = clock.UtcNow + lifetime });
        });
        return token;
    }

    /// <summary>The public address of a token under <paramref name="publicBaseUrl"/>.</summary>
    public static string UrlOf(string publicBaseUrl, string token) => publicBaseUrl.TrimEnd('/') + PathPrefix + token;

    public PublicFileLookup Find(string token)
    {
        if (token.Length is < 16 or > 128) return new(PublicFileStatus.Unknown);
        var link = store.FileLinks.FindById(Hash(token));
        if (link is null) return new(PublicFileStatus.Unknown);
        if (link.ExpiresAt <= clock.UtcNow) return new(PublicFileStatus.Expired);
        var info = store.Files.FindById(link.FileId);
        // The file itself was replaced or removed (a chart is redrawn under the same id): the link still works.
        return info is null ? new(PublicFileStatus.Expired) : new(PublicFileStatus.Found, link.FileId, info.Filename);
    }

    /// <summary>The stored file's bytes, read whole under the store's lock (LiteDB 5.0 races on concurrent use); the files are small.</summary>
    public MemoryStream Read(string fileId)
    {
        var content = new MemoryStream();
        store.Read(() => store.Files.Download(fileId, content));
        content.Position = 0;
        return content;
    }

    /// <summary>The stored file's name, or a name made from its id.</summary>
    public string FileNameOf(string fileId) => store.Files.FindById(fileId)?.Filename ?? Path.GetFileName(fileId);

    public static string ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".pdf" => "application/pdf",
        ".csv" => "text/csv",
        _ => "application/octet-stream",
    };

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
