namespace LifelongLearning.Bot.Core.Plans;

// The JSON shape of a city file, every field optional so that CityLoader, not the serializer, says what is
// missing and where.
internal sealed class CityFile
{
    public int? SchemaVersion { get; set; }
    public string? Name { get; set; }
    public List<CityCommuneFile>? Communes { get; set; }
    public List<CityTargetFile>? Targets { get; set; }
}

internal sealed class CityCommuneFile
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Plan { get; set; }
}

internal sealed class CityTargetFile
{
    public string? Indicator { get; set; }
    public List<TargetFile>? Targets { get; set; }
}
