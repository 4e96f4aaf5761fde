using System.Collections.Concurrent;
using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// The one LiteDB database of the process. Collections and indexes are created at start on one thread,
/// and every write goes through <see cref="Write{T}"/>: one lock, one synchronous transaction
/// (LiteDB 5.0 races on concurrent first use, and its transactions belong to a thread).
/// </summary>
public sealed class BotStore : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly FileStream _lock;
    private readonly Lock _gate = new();
    private int _depth;
    private readonly ConcurrentDictionary<string, CommuneStore> _communes = new();

    /// <param name="rebuild">when given, a sparse file is rebuilt before it is opened (see <see cref="StoreRebuild"/>)</param>
    public BotStore(string path, StoreRebuild? rebuild = null)
    {
        DatabasePath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) EnsureWritable(folder);
        _lock = TakeLock(path);
        try
        {
            StoreRebuild.RecoverInterrupted(DatabasePath);
            // Read-only first: a file a newer release wrote is refused before anything writes to it.
            if (File.Exists(path) && new FileInfo(path).Length > 0) StoreFile.EnsureNotNewer(Path.GetFullPath(path), StoreFile.Read(path).SchemaVersion);
            rebuild?.RunIfSparse(Path.GetFullPath(path));
            _db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
            _db.UtcDate = true;
            Units = _db.GetCollection<UnitRecord>("units");
            Members = _db.GetCollection<Member>("members");
            Accounts = _db.GetCollection<ChatAccount>("accounts");
            Rounds = _db.GetCollection<Round>("rounds");
            Answers = _db.GetCollection<Answer>("answers");
            Conversations = _db.GetCollection<Conversation>("conversations");
            Invites = _db.GetCollection<Invite>("invites");
            Received = _db.GetCollection<ReceivedMessage>("received");
            Subscribers = _db.GetCollection<Subscriber>("subscribers");
            Events = _db.GetCollection<EventRecord>("events");
            Outbox = _db.GetCollection<OutboxMessage>("outbox");
            Meta = _db.GetCollection<MetaRecord>("meta");
            Broadcasts = _db.GetCollection<Broadcast>("broadcasts");
            BroadcastBatches = _db.GetCollection<BroadcastBatch>("broadcastBatches");
            Exports = _db.GetCollection<ExportRequest>("exports");
            FileLinks = _db.GetCollection<FileLink>("filelinks");
            EventFigures = _db.GetCollection<EventFigure>("eventFigures");
            WebLinks = _db.GetCollection<WebLink>("webLinks");
            WebSessions = _db.GetCollection<WebSession>("webSessions");
            Migrations.Apply(this);
            WarmUpMappings(_db.Mapper);
        }
        catch
        {
            _db?.Dispose();
            _lock.Dispose();
            throw;
        }
    }

    /// <summary>The schema version this build writes; an older database is migrated up to it at open.</summary>
    public static int SchemaVersion => Migrations.Latest;

    /// <summary>Raised after each committed write, so the outbox sender wakes up without polling.</summary>
    public event Action? Committed;

    public ILiteCollection<UnitRecord> Units { get; }
    public ILiteCollection<Member> Members { get; }
    public ILiteCollection<ChatAccount> Accounts { get; }
    public ILiteCollection<Round> Rounds { get; }
    public ILiteCollection<Answer> Answers { get; }
    public ILiteCollection<Conversation> Conversations { get; }
    public ILiteCollection<Invite> Invites { get; }
    public ILiteCollection<ReceivedMessage> Received { get; }
    public ILiteCollection<Subscriber> Subscribers { get; }
    public ILiteCollection<EventRecord> Events { get; }
    public ILiteCollection<OutboxMessage> Outbox { get; }
    public ILiteCollection<MetaRecord> Meta { get; }
    public ILiteCollection<Broadcast> Broadcasts { get; }
    public ILiteCollection<BroadcastBatch> BroadcastBatches { get; }
    public ILiteCollection<ExportRequest> Exports { get; }
    public ILiteCollection<FileLink> FileLinks { get; }
    public ILiteCollection<EventFigure> EventFigures { get; }
    public ILiteCollection<WebLink> WebLinks { get; }
    public ILiteCollection<WebSession> WebSessions { get; }

    /// <summary>Pictures and documents (charts, photos, exports), referenced by id from the outbox.</summary>
    public ILiteStorage<string> Files => _db.FileStorage;

    internal LiteDatabase Database => _db;

    /// <summary>The store as one commune sees it: its rows only, and every row it writes marked as its own.</summary>
    public CommuneStore For(string communeId) => _communes.GetOrAdd(communeId, id => new CommuneStore(this, id));

    /// <summary>The data file, full path.</summary>
    public string DatabasePath { get; }

    /// <summary>Runs the work as one transaction: all of it is stored, or none of it.</summary>
    public T Write<T>(Func<T> work)
    {
        lock (_gate)
        {
            if (_depth > 0) return work();
            _db.BeginTrans();
            _depth++;
            try
            {
                var result = work();
                if (!_db.Commit()) throw new InvalidOperationException("LiteDB did not commit the transaction.");
                Committed?.Invoke();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            finally
            {
                _depth--;
            }
        }
    }

    public void Write(Action work) => Write(() => { work(); return true; });

    /// <summary>
    /// Runs read-only work under the store's lock, without a transaction and without raising
    /// <see cref="Committed"/>: a question such as "is this chat known?" must not wake the outbox, menus and
    /// exports loops on every message. Inside a <see cref="Write{T}"/> it simply runs there. The work must not
    /// write: nothing would roll it back and no loop would hear of it.
    /// </summary>
    public T Read<T>(Func<T> work)
    {
        lock (_gate) return work();
    }

    public void Read(Action work) => Read(() => { work(); return true; });

    /// <summary>Folds the log file into the data file, so a backup copy of the .db file is whole.</summary>
    public void Checkpoint()
    {
        lock (_gate) _db.Checkpoint();
    }

    /// <summary>
    /// Copies the data file to <paramref name="destination"/> whole: under the write lock, so no transaction is
    /// half in it, and after a checkpoint, so the log's commits are in the file. Returns the answers it holds.
    /// </summary>
    public int CopyTo(string destination)
    {
        lock (_gate)
        {
            if (_depth > 0) throw new InvalidOperationException("A copy cannot be taken inside a write.");
            _db.Checkpoint();
            File.Copy(DatabasePath, destination, overwrite: true);
            return Answers.Count();
        }
    }

    /// <summary>Waits for a write in progress, so closing never cuts a transaction in half.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _db.Dispose();
            _lock.Dispose();
        }
    }

    /// <summary>
    /// Holds "&lt;file&gt;.lock" exclusively while the store is open. LiteDB's direct mode lets a second process
    /// open the same file on Linux (its own handle shares reads and writes), and two writers corrupt it: the
    /// export verb run beside the bot, or the bot started twice, must be refused instead. The lock file stays
    /// after closing on purpose: deleting it would let two processes each lock a different file of one name.
    /// </summary>
    /// <summary>
    /// Creates the folder and proves it can be written, so that a read-only or forbidden folder is named as
    /// such rather than taken for a database in use (the lock file fails either way) or left to raw .NET text.
    /// </summary>
    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreFolderException(folder, ex);
        }
    }

    internal static FileStream TakeLock(string path)
    {
        var lockPath = Path.GetFullPath(path) + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DatabaseInUseException(Path.GetFullPath(path), ex);
        }
    }

    /// <summary>
    /// LiteDB 5.0.x builds a type's mapping on its first use and now and then gets it wrong when two threads do
    /// that at once (platforms.md): a file read by the outbox while housekeeping lists files came back without
    /// its name. Every stored type is mapped here, once, on the opening thread.
    /// </summary>
    private static void WarmUpMappings(BsonMapper mapper)
    {
        var seen = new HashSet<Type>();
        void Map(Type type)
        {
            if (type.IsGenericType && type.GetGenericArguments() is { } arguments &&
                (typeof(System.Collections.IEnumerable).IsAssignableFrom(type) || type.IsValueType))
            {
                foreach (var argument in arguments) Map(argument);
                return;
            }
            if (type.IsEnum || type.IsPrimitive || type == typeof(string) || !seen.Add(type)) return;
            if (type.Namespace?.StartsWith("LifelongLearning", StringComparison.Ordinal) != true && type != typeof(LiteFileInfo<string>)) return;
            // Types without a parameterless constructor are not stored as documents (ReportingPeriod is a value).
            const System.Reflection.BindingFlags AnyInstance = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
            if (type.IsAbstract || (!type.IsValueType && type.GetConstructor(AnyInstance, Type.EmptyTypes) is null)) return;
            if (Activator.CreateInstance(type, nonPublic: true) is not { } sample) return;
            mapper.ToObject(type, mapper.ToDocument(type, sample));
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
                Map(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType);
        }
        foreach (var type in new[]
        {
            typeof(UnitRecord), typeof(Member), typeof(ChatAccount), typeof(Round), typeof(Answer), typeof(Conversation),
            typeof(Invite), typeof(ReceivedMessage), typeof(Subscriber), typeof(EventRecord), typeof(OutboxMessage),
            typeof(MetaRecord), typeof(Broadcast), typeof(BroadcastBatch), typeof(ExportRequest), typeof(FileLink), typeof(EventFigure),
            typeof(WebLink), typeof(WebSession), typeof(LiteFileInfo<string>),
        })
            Map(type);
    }

    private static BsonMapper CreateMapper()
    {
        // LiteDB's defaults trim every string and store "" as null, so a string property written "" read back
        // null (a calendar broadcast's empty OfficialId did). Store strings as they are.
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.Entity<AnswerValue>().Ignore(v => v.IsMissing);
        mapper.Entity<Conversation>().Ignore(c => c.CurrentQuestion);
        mapper.Entity<Round>().Ignore(r => r.Period);
        // A local day is stored as its midnight in UTC, as every store before DateOnly held it: nothing to migrate, and
        // an index on a day still orders days.
        mapper.RegisterType(
            day => new BsonValue(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            bson => DateOnly.FromDateTime(bson.AsDateTime));
        mapper.RegisterType(
            choice => new BsonDocument { ["label"] = choice.Label, ["value"] = choice.Value },
            bson => new Choice(bson["label"].AsString, bson["value"].AsString));
        return mapper;
    }
}
