namespace LifelongLearning.Bot.Hosting;

/// <summary>
/// The folder the operator typed the command in. "dotnet run" starts the program in the project's folder (so
/// it finds appsettings.json), which is inside the source tree, where "git clean" deletes what is not committed;
/// the shell's folder stays in PWD. A relative database path or output folder means a place under this one.
/// </summary>
public static class OperatorFolder
{
    public static string Current
    {
        get
        {
            var typedIn = Environment.GetEnvironmentVariable("PWD");
            return typedIn is { Length: > 0 } && Path.IsPathRooted(typedIn) && Directory.Exists(typedIn) ? typedIn : Environment.CurrentDirectory;
        }
    }

    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(path, Current);
}
