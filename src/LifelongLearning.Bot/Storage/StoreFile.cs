using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>What a store file says about itself, read without writing to it.</summary>
public sealed record StoreFacts(int SchemaVersion, int Answers, int Members);

/// <summary>
/// Reads a store file read-only: its schema version before it is opened for writing (a file from a newer release
/// is refused, not touched), and a backup's answers to verify the copy is whole.
/// </summary>
public static class StoreFile
{
    /// <exception cref="IOException">the file is not a LiteDB store (damaged, or another kind of file)</exception>
    public static StoreFacts Read(string path)
    {
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = true });
            var version = db.GetCollection("meta").FindById(Migrations.SchemaVersionKey)?["Value"].AsInt32 ?? 0;
            return new StoreFacts(version, db.GetCollection("answers").Count(), db.GetCollection("members").Count());
        }
        // A file that is not LiteDB's: in read-only mode LiteDB fails trying to write a header into it.
        catch (Exception ex) when (ex is LiteException or NotSupportedException or InvalidCastException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new IOException($"Tệp {path} không phải cơ sở dữ liệu của bot hoặc đã hỏng ({ex.Message}).", ex);
        }
    }

    /// <summary>Refuses a store a newer release wrote: this build cannot know what its data means.</summary>
    public static void EnsureNotNewer(string path, int version)
    {
        if (version > BotStore.SchemaVersion) throw new StoreTooNewException(path, version);
    }
}

/// <summary>The store was written by a newer release than this program: opening it could lose what it holds.</summary>
public sealed class StoreTooNewException(string path, int version)
    : IOException($"Cơ sở dữ liệu {path} do phiên bản mới hơn của bot ghi (lược đồ {version}, chương trình này đọc đến {BotStore.SchemaVersion}). " +
                  "Hãy cài lại bản bot mới hơn, hoặc khôi phục một bản sao lưu cũ hơn; tệp chưa bị thay đổi.")
{
    public int Version { get; } = version;
}
