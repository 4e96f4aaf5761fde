namespace LifelongLearning.Bot.Core.Plans;

/// <summary>
/// Stops the reading of a city file with a message naming the file, the line and what is wrong, in
/// Vietnamese for the commune's staff and in English for whoever runs the server.
/// </summary>
internal sealed class FileErrors(string fileName, JsonLineMap lines)
{
    public string Text(string? value, string at) =>
        string.IsNullOrWhiteSpace(value) ? Fail<string>(at, "thiếu hoặc rỗng", "missing or empty") : value.Trim();

    public void Fail(string at, string vietnamese, string english) => Fail<bool>(at, vietnamese, english);

    public T Fail<T>(string at, string vietnamese, string english)
    {
        var line = lines.NearestLineOf(at);
        throw new PlanException($"{fileName}{(line is null ? "" : $", dòng {line}")} ({at}): {vietnamese}. / {english}.");
    }
}
