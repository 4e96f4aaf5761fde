namespace LifelongLearning.Bot.Engine;

/// <summary>Where the web page really listens once started (a port 0 in the settings becomes the real one); null when it could not start.</summary>
public sealed class WebAddress
{
    public string? ListeningUrl { get; set; }
}
