using System.Linq.Expressions;
using LiteDB;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// One commune's rows of a collection: every read is limited to them and every write stamps them, so no query
/// elsewhere repeats the filter (and none can forget it). A row of another commune is, for this view, not there.
/// </summary>
public sealed class CommuneCollection<T> where T : class, ICommuneOwned
{
    private readonly ILiteCollection<T> _all;
    private readonly BsonMapper _mapper;
    private readonly BsonExpression _mine;

    internal CommuneCollection(ILiteCollection<T> all, BsonMapper mapper, string communeId)
    {
        _all = all;
        _mapper = mapper;
        CommuneId = communeId;
        _mine = LiteDB.Query.EQ(nameof(ICommuneOwned.CommuneId), communeId);
    }

    public string CommuneId { get; }

    // Every read is a query with this commune's condition beside the caller's: Query.And would join the two
    // texts and drop the caller's parameters (a LINQ predicate's constants), so it never finds anything.
    public ILiteQueryable<T> Query() => _all.Query().Where(_mine);

    public IEnumerable<T> FindAll() => Query().ToEnumerable();

    public IEnumerable<T> Find(BsonExpression predicate) => Query().Where(predicate).ToEnumerable();

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Query().Where(predicate).ToEnumerable();

    public T? FindOne(Expression<Func<T, bool>> predicate) => Query().Where(predicate).FirstOrDefault();

    public T? FindById(BsonValue id) => _all.FindById(id) is { } row && row.CommuneId == CommuneId ? row : null;

    public int Count() => Query().Count();

    public int Count(Expression<Func<T, bool>> predicate) => Query().Where(predicate).Count();

    public bool Exists(Expression<Func<T, bool>> predicate) => Query().Where(predicate).Exists();

    public BsonValue Insert(T row)
    {
        Stamp(row);
        return _all.Insert(row);
    }

    /// <summary>False, and nothing written, when the row is not this commune's (or not there at all).</summary>
    public bool Update(T row)
    {
        if (FindById(IdOf(row)) is null) return false;
        Stamp(row);
        return _all.Update(row);
    }

    /// <summary>Inserts or replaces this commune's row; a row of that id in another commune is refused.</summary>
    public bool Upsert(T row)
    {
        if (_all.FindById(IdOf(row)) is { } stored && stored.CommuneId != CommuneId) throw ForeignRow(row);
        Stamp(row);
        return _all.Upsert(row);
    }

    public bool Delete(BsonValue id) => FindById(id) is not null && _all.Delete(id);

    private void Stamp(T row)
    {
        // A row that says another commune is a caller's mistake, not something to overwrite.
        if (row.CommuneId != CommuneId && row.CommuneId != Communes.Shipped && row.CommuneId != "") throw ForeignRow(row);
        row.CommuneId = CommuneId;
    }

    private BsonValue IdOf(T row) => _mapper.ToDocument(row)["_id"];

    private InvalidOperationException ForeignRow(T row) =>
        new($"{typeof(T).Name} {IdOf(row)} belongs to commune {row.CommuneId}, not to {CommuneId}.");
}
