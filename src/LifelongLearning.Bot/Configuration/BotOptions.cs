using System.ComponentModel.DataAnnotations;

namespace LifelongLearning.Bot.Configuration;

/// <summary>Section "Bot": what every channel shares.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>The plan file; the commune's Kế hoạch 04/KH-UBND ships as the default.</summary>
    [Required]
    public string PlanPath { get; set; } = "plan/ke-hoach-04-KH-UBND.json";

    /// <summary>
    /// A city file (plan/thanh-pho-hai-phong.json names its communes, each with its plan file): set, this one
    /// process serves every commune of the city on the same bot tokens, and <see cref="PlanPath"/> is not read.
    /// Empty (the default): one commune, the plan of <see cref="PlanPath"/>, as before the city.
    /// </summary>
    public string CityPath { get; set; } = "";

    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Chats that are admins, as "channel:chatId" (for example "telegram:123456789", "zalo:abc").</summary>
    public List<string> AdminChatIds { get; set; } = [];

    /// <summary>How long an invite code can be used.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "90.00:00:00")]
    public TimeSpan InviteLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Seed the demo commune (members, one open round) when the store is empty: for trying the bot.</summary>
    public bool SeedDemo { get; set; }
}
