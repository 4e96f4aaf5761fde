using System.Text.RegularExpressions;
using LifelongLearning.Bot.Core.Text;
using Xunit;

namespace LifelongLearning.Bot.Tests.Core.Text;

public class MessageSplitterTests
{
    private static string LongDigest()
    {
        var lines = Enumerable.Range(1, 60).Select(i =>
            $"{i}. Thư viện trường học số {i}: 1.250.{i:000} lượt bạn đọc, tăng 12,5% so với cùng kỳ năm trước");
        return string.Join("\n", lines);
    }

    [Fact]
    public void A_short_message_is_sent_as_it_is()
    {
        Assert.Equal(["Xin chào"], MessageSplitter.Split("Xin chào", 2000));
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(500)]
    [InlineData(120)]
    public void Every_part_fits_the_platform_limit(int limit)
    {
        var parts = MessageSplitter.Split(LongDigest(), limit);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= limit, $"{p.Length} > {limit}"));
    }

    [Fact]
    public void No_word_or_number_is_cut_in_two()
    {
        var text = LongDigest();
        var words = text.Split([' ', '\n']).ToHashSet();
        foreach (var part in MessageSplitter.Split(text, 120))
        {
            var body = part[..part.LastIndexOf('\n')];
            foreach (var word in body.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                Assert.Contains(word, words);
        }
    }

    [Fact]
    public void A_single_long_line_is_cut_at_spaces()
    {
        var text = string.Join(" ", Enumerable.Range(1, 200).Select(i => $"{i * 1000:N0}"));
        var words = text.Split(' ').ToHashSet();
        var parts = MessageSplitter.Split(text, 100);
        Assert.All(parts, p => Assert.True(p.Length <= 100));
        foreach (var part in parts)
            foreach (var word in part[..part.LastIndexOf('\n')].Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
                Assert.Contains(word, words);
    }

    [Fact]
    public void Parts_are_numbered_and_nothing_is_lost()
    {
        var text = LongDigest();
        var parts = MessageSplitter.Split(text, 2000);
        for (var i = 0; i < parts.Count; i++)
            Assert.EndsWith($"\n({i + 1}/{parts.Count})", parts[i]);
        var joined = string.Join("\n", parts.Select(p => Regex.Replace(p, @"\n\(\d+/\d+\)$", "")));
        Assert.Equal(text, joined);
    }
}

public class MessageSplitterEmojiTests
{
    private static bool IsValidUtf16(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    [Theory]
    [InlineData(2000, 0)]
    [InlineData(2000, 1)]
    [InlineData(4096, 1)]
    public void A_word_of_emoji_longer_than_a_message_is_cut_between_emoji(int limit, int shift)
    {
        var text = new string('x', shift) + string.Concat(Enumerable.Repeat("🙂", 2100));
        var parts = MessageSplitter.Split(text, limit);
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= limit && IsValidUtf16(p), $"{p.Length}"));
        Assert.Equal(text, string.Concat(parts.Select(p => p[..p.LastIndexOf('\n')])));
    }

    [Fact]
    public void A_quote_of_what_a_person_typed_is_short_and_whole()
    {
        var quoted = Quote.Short("TV-LUOT " + string.Concat(Enumerable.Repeat("🙂", 3000)));
        Assert.True(quoted.Length <= Quote.MaxLength);
        Assert.EndsWith("…", quoted);
        Assert.True(IsValidUtf16(quoted));
        Assert.Equal("TV-LUOT 1", Quote.Short(" TV-LUOT 1 "));
    }

    [Fact]
    public void A_lone_surrogate_is_replaced_so_the_text_can_be_stored()
    {
        Assert.Equal("a\uFFFDb🙂", TextElements.Repair("a\ud83db🙂"));
        Assert.Equal("🙂", TextElements.Repair("🙂"));
    }
}
