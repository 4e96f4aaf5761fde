using LifelongLearning.Bot.Core.Plans;
using LifelongLearning.Bot.Engine;
using NetArchTest.Rules;
using Xunit;

namespace LifelongLearning.Bot.Tests.Architecture;

/// <summary>
/// The rules of docs/architecture.md, pinned so they stay true.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "LifelongLearning.Bot";
    private static readonly string[] Channels = [$"{Root}.Channels.Telegram", $"{Root}.Channels.Zalo", $"{Root}.Channels.Console"];
    private static readonly string[] HostParts =
        [$"{Root}.Engine", $"{Root}.Storage", $"{Root}.Outbox", $"{Root}.Scheduling", $"{Root}.Exports",
         $"{Root}.Charts", $"{Root}.Channels", $"{Root}.Hosting", $"{Root}.Configuration", $"{Root}.Web", $"{Root}.Backups"];

    private static Types Host => Types.InAssembly(typeof(BotEngine).Assembly);

    [Fact]
    public void Core_depends_on_nothing_of_the_host()
    {
        var result = Types.InAssembly(typeof(Plan).Assembly).ShouldNot()
            .HaveDependencyOnAny([.. HostParts, "Telegram", "LiteDB", "Microsoft.Extensions", "ScottPlot", "DocumentFormat"])
            .GetResult();
        AssertHolds(result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_channel_does_not_reference_another_channel(int index)
    {
        var others = Channels.Where((_, i) => i != index).ToArray();
        AssertHolds(Host.That().ResideInNamespaceStartingWith(Channels[index]).ShouldNot().HaveDependencyOnAny(others).GetResult());
    }

    [Fact]
    public void Only_the_telegram_channel_knows_the_telegram_library()
    {
        AssertHolds(Host.That().DoNotResideInNamespaceStartingWith(Channels[0]).ShouldNot().HaveDependencyOn("Telegram.Bot").GetResult());
    }

    [Theory]
    [InlineData("Engine")]
    [InlineData("Outbox")]
    [InlineData("Scheduling")]
    [InlineData("Exports")]
    [InlineData("Charts")]
    [InlineData("Storage")]
    public void Nothing_below_the_channels_references_a_channel(string part)
    {
        // A channel registers a ChannelProfile (text limit, numbered choices, uploads) instead of being read.
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.{part}").ShouldNot().HaveDependencyOnAny(Channels).GetResult());
    }

    [Fact]
    public void Storage_depends_on_nothing_above_it()
    {
        var above = HostParts.Where(p => p != $"{Root}.Storage").ToArray();
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.Storage").ShouldNot().HaveDependencyOnAny(above).GetResult());
    }

    [Fact]
    public void Charts_depend_on_nothing_of_the_host_but_core()
    {
        // Charts only draw what they are given, so the engine (the city's /tonghop) and the calendar may use them.
        var above = HostParts.Where(p => p != $"{Root}.Charts").ToArray();
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.Charts").ShouldNot().HaveDependencyOnAny(above).GetResult());
    }

    [Fact]
    public void A_channel_depends_on_the_engine_only()
    {
        // What a channel needs of the rest is the engine's: the send contract (IChannelSender, ChannelLimits, SendPace),
        // the stored files' links (PublicFiles), the heartbeats /healthz reads and the log redaction its servers use.
        var others = HostParts.Where(p => p != $"{Root}.Engine" && p != $"{Root}.Channels").ToArray();
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.Channels").ShouldNot().HaveDependencyOnAny(others).GetResult());
    }

    [Fact]
    public void Channels_never_read_the_store()
    {
        // A sender reads what it sends through the engine (Outgoing), an inbox asks the engine (Knows, AskForText, PeopleOn).
        // A sender gets an OutgoingMessage, not the stored row: nothing of Storage reaches a channel.
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.Channels").ShouldNot()
            .HaveDependencyOn($"{Root}.Storage").GetResult());
    }

    [Fact]
    public void The_engine_reaches_nothing_above_it()
    {
        // What the engine needs of the layers above is its own: TextLimits and PhotoCopies live in Engine, the round's
        // digest is RoundDigests, /web's link is WebSignIn, and Outbox, Scheduling, Exports and Web call the engine, never the reverse.
        AssertHolds(Host.That().ResideInNamespaceStartingWith($"{Root}.Engine").ShouldNot()
            .HaveDependencyOnAny($"{Root}.Outbox", $"{Root}.Scheduling", $"{Root}.Exports", $"{Root}.Web").GetResult());
    }

    private static void AssertHolds(TestResult result) =>
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
}
