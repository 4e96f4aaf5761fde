using System.ComponentModel.DataAnnotations;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Health": the local listener that answers GET /healthz, in every mode.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Where the local listener listens; keep it on 127.0.0.1 (it is for the operator's checks, not the public).</summary>
    [Required]
    public string ListenUrl { get; set; } = "http://127.0.0.1:8079";
}
