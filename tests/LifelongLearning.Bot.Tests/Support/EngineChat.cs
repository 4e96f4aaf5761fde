using LifelongLearning.Bot.Engine;
using LifelongLearning.Bot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LifelongLearning.Bot.Tests.Support;

/// <summary>
/// People writing to the engine of an <see cref="EngineHost"/> on one channel, and what the bot queued for
/// them (the outbox, before any sender): for engine-level tests of a command class.
/// </summary>
public sealed class EngineChat(EngineHost host, string channel = "test")
{
    private long _sequence;

    public string Channel => channel;

    /// <summary>Hands one message to the engine; it must be new (not a copy handled before).</summary>
    public void Say(string chat, string text) =>
        Assert.True(host.Engine.Handle(new IncomingMessage(channel, chat, chat, text, $"{channel}:{Interlocked.Increment(ref _sequence)}")));

    /// <summary>Says it and returns everything the bot queued for that chat in answer.</summary>
    public string Ask(string chat, string text)
    {
        var before = Queued(chat).Count;
        Say(chat, text);
        return string.Join("\n", Queued(chat).Skip(before).Select(m => m.Text));
    }

    /// <summary>A member the bot already knows (as if an invite had been redeemed).</summary>
    public Member Join(string chat, string name, Role role, string? unitId = null, string communeId = Communes.Shipped) =>
        host.Store.Write(() => host.Services.GetRequiredService<Members>().Create(channel, chat, name, role, unitId, communeId));

    public List<OutboxMessage> Queued(string chat) => [.. host.Store.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Id)];
}
