namespace LifelongLearning.Bot.Storage;

/// <summary>
/// Another <see cref="BotStore"/> (the running bot, usually) has the database open. Two processes writing one
/// LiteDB file in direct mode corrupt it, and on Linux nothing else stops the second one.
/// </summary>
public sealed class DatabaseInUseException(string path, Exception inner)
    : IOException($"Cơ sở dữ liệu {path} đang được một chương trình khác (bot đang chạy) sử dụng.", inner)
{
    public string DatabasePath { get; } = path;
}
