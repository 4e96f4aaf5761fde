using System.Security.Cryptography;
using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// Copies every collection of an open store into a new file of its own, keeping each document's _id, its
/// indexes and its pragmas. This stands in for LiteDB's own <c>Rebuild</c>, which since 5.0.19 throws
/// "Detected loop in FindAll" on a healthy file once a collection with a secondary index holds more than 2,550
/// documents (litedb-org/LiteDB #2827), which the bot's outbox always does when a rebuild is worth it.
/// </summary>
public static class StoreCopy
{
    private const int Batch = 1000;

    /// <summary>Writes <paramref name="source"/> into a new file at <paramref name="target"/>, then checks the copy holds the same documents.</summary>
    public static void Write(LiteDatabase source, string target)
    {
        var collation = source.Pragma("COLLATION").AsString;
        using (var copy = new LiteDatabase(new ConnectionString { Filename = target, Connection = ConnectionType.Direct, Collation = new Collation(collation) }))
        {
            copy.UserVersion = source.UserVersion;
            copy.UtcDate = source.UtcDate;
            copy.Timeout = source.Timeout;
            copy.CheckpointSize = source.CheckpointSize;
            copy.LimitSize = source.LimitSize;
            foreach (var name in Collections(source))
            {
                // Indexes first, while the collection is empty, so each document is indexed as it goes in.
                foreach (var index in Indexes(source, name))
                    copy.GetCollection(name).EnsureIndex(index.Name, BsonExpression.Create(index.Expression), index.Unique);
                foreach (var chunk in source.GetCollection(name).FindAll().Chunk(Batch))
                    copy.GetCollection(name).InsertBulk(chunk, Batch);
            }
            copy.Checkpoint();
            if (!Fingerprint(copy).SequenceEqual(Fingerprint(source)))
                throw new InvalidDataException("Bản sao của cơ sở dữ liệu không giống bản gốc.");
            if (!IndexList(copy).SequenceEqual(IndexList(source)))
                throw new InvalidDataException("Bản sao của cơ sở dữ liệu thiếu chỉ mục.");
        }
    }

    /// <summary>A SHA-256 over every collection's name and documents in _id order: equal when the two files hold the same data.</summary>
    public static byte[] Fingerprint(LiteDatabase db)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Collections(db))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name));
            foreach (var doc in db.GetCollection(name).FindAll()) hash.AppendData(BsonSerializer.Serialize(doc));
        }
        return hash.GetHashAndReset();
    }

    private static List<string> Collections(LiteDatabase db) => [.. db.GetCollectionNames().Order(StringComparer.Ordinal)];

    private sealed record Index(string Name, string Expression, bool Unique);

    private static IEnumerable<Index> Indexes(LiteDatabase db, string collection) =>
        db.GetCollection("$indexes").Find(Query.EQ("collection", collection))
            .Select(i => new Index(i["name"].AsString, i["expression"].AsString, i["unique"].AsBoolean))
            .Where(i => i.Name != "_id")
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToList();

    private static List<string> IndexList(LiteDatabase db) =>
        [.. Collections(db).SelectMany(c => Indexes(db, c).Select(i => $"{c}.{i.Name}={i.Expression}{(i.Unique ? " unique" : "")}"))];
}
