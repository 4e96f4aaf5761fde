using LifelongLearning.Bot.Core.Answers;
using LifelongLearning.Bot.Core.Conversations;
using LifelongLearning.Bot.Storage;
using Xunit;

namespace LifelongLearning.Bot.Tests.Storage;

public sealed class BotStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("botstore-tests-").FullName;

    private string DbPath => Path.Combine(_folder, "data", "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void What_was_written_is_still_there_after_the_database_is_reopened()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Units.Insert(new UnitRecord { Id = "TV-TH", Name = "Thư viện Trường Tiểu học", Kind = "thu-vien-truong", Area = "Thôn 1" }));

        Assert.True(File.Exists(DbPath));
        using var reopened = new BotStore(DbPath);
        var unit = reopened.Units.FindById("TV-TH");
        Assert.Equal("Thư viện Trường Tiểu học", unit.Name);
        Assert.Equal("thu-vien-truong", unit.Kind);
        Assert.True(unit.Active);
    }

    [Fact]
    public void An_empty_string_and_surrounding_spaces_come_back_as_written()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() =>
            {
                store.Broadcasts.Insert(new Broadcast { Id = "event:1:day", OfficialId = "", Recipients = 2 });
                store.Units.Insert(new UnitRecord { Id = "TV-TH", Name = " Thư viện ", Kind = "", Area = "Thôn 1" });
            });

        using var reopened = new BotStore(DbPath);
        Assert.Equal("", reopened.Broadcasts.FindById("event:1:day").OfficialId);
        var unit = reopened.Units.FindById("TV-TH");
        Assert.Equal(" Thư viện ", unit.Name);
        Assert.Equal("", unit.Kind);
    }

    [Fact]
    public void A_broadcast_an_older_build_stored_with_a_null_official_gets_an_empty_one()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() =>
            {
                // What builds before schema 6 wrote for OfficialId = "": null.
                store.Database.GetCollection("broadcasts").Insert(new LiteDB.BsonDocument { ["_id"] = "event:1:day", ["OfficialId"] = LiteDB.BsonValue.Null, ["Recipients"] = 2 });
                store.Meta.Upsert(new MetaRecord { Id = "schemaVersion", Value = 5 });
            });

        using var reopened = new BotStore(DbPath);
        Assert.Equal("", reopened.Broadcasts.FindById("event:1:day").OfficialId);
    }

    [Fact]
    public void A_second_store_on_an_open_database_is_refused_until_the_first_closes()
    {
        using (var first = new BotStore(DbPath))
        {
            var error = Assert.Throws<DatabaseInUseException>(() => new BotStore(DbPath));
            Assert.Equal(Path.GetFullPath(DbPath), error.DatabasePath);
        }
        using var again = new BotStore(DbPath);
        Assert.Equal(BotStore.SchemaVersion, again.Meta.FindById("schemaVersion").Value);
    }

    [Fact]
    public void The_schema_version_is_recorded()
    {
        using var store = new BotStore(DbPath);
        Assert.Equal(BotStore.SchemaVersion, store.Meta.FindById("schemaVersion").Value);
    }

    [Fact]
    public void A_database_from_an_older_build_is_brought_up_to_date()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Meta.Upsert(new MetaRecord { Id = "schemaVersion", Value = 1 }));
        using var reopened = new BotStore(DbPath);
        Assert.Equal(BotStore.SchemaVersion, reopened.Meta.FindById("schemaVersion").Value);
        var indexes = reopened.Database.GetCollection("$indexes").FindAll().ToList();
        Assert.Contains(indexes, i => i["collection"] == "broadcasts" && i["name"] == "ReportedAt");
        Assert.Contains(indexes, i => i["collection"] == "exports" && i["name"] == "Status");
        Assert.Contains(indexes, i => i["collection"] == "filelinks" && i["name"] == "ExpiresAt");
        Assert.Contains(indexes, i => i["collection"] == "events" && i["name"] == "PlanKey");
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused_in_Vietnamese()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Meta.Upsert(new MetaRecord { Id = "schemaVersion", Value = 99 }));
        var ex = Assert.Throws<StoreTooNewException>(() => new BotStore(DbPath));
        Assert.Contains("Hãy cài lại bản bot mới hơn", ex.Message);
    }

    [Fact]
    public void An_answer_with_its_revisions_round_trips()
    {
        var at = new DateTime(2026, 12, 16, 2, 0, 0, DateTimeKind.Utc);
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Answers.Insert(new Answer
            {
                Id = Answer.IdOf("2026", "TV-TH", "TV-LUOT"), RoundId = "2026", UnitId = "TV-TH", IndicatorCode = "TV-LUOT",
                Value = AnswerValue.Of(1250.5m), FirstConfirmedAt = at,
                Revisions =
                [
                    new Revision { Value = AnswerValue.Missing, MemberId = "2", MemberName = "Cô Lan", Channel = "zalo", At = at },
                    new Revision { Value = AnswerValue.Of(1250.5m), MemberId = "2", MemberName = "Cô Lan", Channel = "telegram", At = at.AddHours(1) },
                ],
            }));

        using var reopened = new BotStore(DbPath);
        var answer = reopened.Answers.FindById("2026/TV-TH/TV-LUOT");
        Assert.Equal(AnswerValue.Of(1250.5m), answer.Value);
        Assert.Equal(2, answer.Revisions.Count);
        Assert.True(answer.Revisions[0].Value.IsMissing);
        Assert.Equal("Cô Lan", answer.Revisions[1].MemberName);
        Assert.Equal(at.AddHours(1), answer.Revisions[1].At);
        Assert.Single(reopened.Answers.Find(a => a.UnitId == "TV-TH"));
    }

    [Fact]
    public void A_conversation_with_its_draft_and_choices_round_trips()
    {
        var conversation = new Conversation
        {
            Id = "7", Mode = ConversationMode.Reporting, RoundId = "2026", UnitId = "TV-TH",
            Questions = ["TV-HTSD", "TV-CDS", "TV-LUOT"], Index = 2, ReturnToSummary = true,
            Draft = new() { ["TV-HTSD"] = AnswerValue.Yes, ["TV-CDS"] = AnswerValue.Missing, ["TV-LUOT"] = AnswerValue.Of(1250) },
            Pending = AnswerValue.Of(300),
            Warnings = new() { ["TV-LUOT"] = "khác xa kỳ trước, xin kiểm tra lại" },
            NumberedChoices = [new Choice("Có", "có"), new Choice("Không", "không")],
        };
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Conversations.Upsert(conversation));

        using var reopened = new BotStore(DbPath);
        var back = reopened.Conversations.FindById("7");
        Assert.Equal(ConversationMode.Reporting, back.Mode);
        Assert.Equal(("2026", "TV-TH", 2, true), (back.RoundId, back.UnitId, back.Index, back.ReturnToSummary));
        Assert.Equal(conversation.Questions, back.Questions);
        Assert.Equal(AnswerValue.Yes, back.Draft["TV-HTSD"]);
        Assert.True(back.Draft["TV-CDS"].IsMissing);
        Assert.Equal(AnswerValue.Of(1250), back.Draft["TV-LUOT"]);
        Assert.Equal(AnswerValue.Of(300), back.Pending);
        Assert.Equal(conversation.Warnings, back.Warnings);
        Assert.Equal(conversation.NumberedChoices, back.NumberedChoices);
        Assert.Equal("TV-LUOT", back.CurrentQuestion);
    }

    [Fact]
    public void An_outbox_message_keeps_its_choices()
    {
        using (var store = new BotStore(DbPath))
            store.Write(() => store.Outbox.Insert(new OutboxMessage
            {
                Channel = "zalo", ChatId = "abc", Text = "Câu 1/3", Choices = [new Choice("✅ Gửi báo cáo", "OK")], NumberedChoices = true,
            }));
        using var reopened = new BotStore(DbPath);
        var message = Assert.Single(reopened.Outbox.FindAll());
        Assert.True(message.Id > 0);
        Assert.Equal([new Choice("✅ Gửi báo cáo", "OK")], message.Choices);
        Assert.Equal(OutboxStatus.Pending, message.Status);
    }

    [Fact]
    public void A_transaction_that_throws_leaves_nothing()
    {
        using (var store = new BotStore(DbPath))
        {
            Assert.Throws<InvalidOperationException>(() => store.Write(() =>
            {
                store.Units.Insert(new UnitRecord { Id = "TV-MN", Name = "Thư viện Trường Mầm non", Kind = "thu-vien-truong" });
                store.Outbox.Insert(new OutboxMessage { Channel = "zalo", ChatId = "abc", Text = "Đã thêm" });
                throw new InvalidOperationException("hỏng giữa chừng");
            }));
            Assert.Null(store.Units.FindById("TV-MN"));
            Assert.Equal(0, store.Outbox.Count());

            // The store still works after the rollback.
            store.Write(() => store.Units.Insert(new UnitRecord { Id = "TV-TH", Name = "Thư viện Trường Tiểu học", Kind = "thu-vien-truong" }));
        }
        using var reopened = new BotStore(DbPath);
        Assert.Null(reopened.Units.FindById("TV-MN"));
        Assert.Equal(0, reopened.Outbox.Count());
        Assert.NotNull(reopened.Units.FindById("TV-TH"));
    }

    [Fact]
    public void Committed_is_raised_only_for_a_write_that_is_kept()
    {
        using var store = new BotStore(DbPath);
        var commits = 0;
        store.Committed += () => commits++;
        store.Write(() => store.Units.Insert(new UnitRecord { Id = "A", Name = "A", Kind = "k" }));
        Assert.ThrowsAny<Exception>(() => store.Write(() => throw new InvalidOperationException()));
        Assert.Equal(1, commits);
    }

    [Fact]
    public void A_read_raises_no_commit_and_inside_a_write_sees_what_the_write_has_done()
    {
        using var store = new BotStore(DbPath);
        store.Write(() => store.Units.Insert(new UnitRecord { Id = "A", Name = "A", Kind = "k" }));
        var commits = 0;
        store.Committed += () => commits++;
        Assert.NotNull(store.Read(() => store.Units.FindById("A")));
        Assert.Equal(0, commits);
        var seen = store.Write(() =>
        {
            store.Units.Insert(new UnitRecord { Id = "B", Name = "B", Kind = "k" });
            return store.Read(() => store.Units.FindById("B")) is not null;
        });
        Assert.True(seen);
        Assert.Equal(1, commits);
    }
}
