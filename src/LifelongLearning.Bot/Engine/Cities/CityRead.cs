using LifelongLearning.Bot.Core.Areas;
using LifelongLearning.Bot.Core.Periods;

namespace LifelongLearning.Bot.Engine.Cities;

/// <summary>The city's figures of one period, read before a city official's /tonghop is written (<see cref="CityCommands.Read"/>).</summary>
public sealed record CityRead(ReportingPeriod Period, NodeFigures All);
