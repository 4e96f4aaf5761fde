using System.Globalization;

namespace LifelongLearning.Bot.Storage;

/// <summary>
/// The outbox's sending order as one index key: status, channel, replies before announcements, then the row's id
/// (the order it was queued). LiteDB 5 has no compound index, so the key is one string built by an expression,
/// and <see cref="Key"/> builds the same string in C# for the bounds of a range. The id is padded so that the
/// string order is the number order. NotBefore is not in the key: ordered by it, a row retried later would
/// pass its chat's later rows, and only retried rows ever wait (the loop passes over those).
/// </summary>
public static class OutboxOrder
{
    public const string IndexName = "sendOrder";

    /// <summary>Written exactly like this in the index and in every query, so LiteDB knows the query uses the index.</summary>
    public const string Expression =
        "$.Status + '|' + $.Channel + '|' + IIF($.Kind = 'broadcast', '1', '0') + '|' + FORMAT($._id, 'D19')";

    /// <summary>The key of a pending row queued with this id; the pending range of a channel is the keys from Key(channel, false, 0).</summary>
    public static string Key(string channel, bool broadcast, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{nameof(OutboxStatus.Pending)}|{channel}|{(broadcast ? '1' : '0')}|{id:D19}");

    /// <summary>Past every pending key of the channel.</summary>
    public static string End(string channel) => $"{nameof(OutboxStatus.Pending)}|{channel}|2|";
}
