using LifelongLearning.Bot.Storage;
using System.Text;
using LifelongLearning.Bot.Core.Exports;
using Xunit;

namespace LifelongLearning.Bot.Tests.Exports;

/// <remarks>The seeded store is built once for the class: these tests only read it.</remarks>
public sealed class CsvWriterTests(ExportStore world) : IClassFixture<ExportStore>
{
    private readonly ExportStore _world = world;

    [Fact]
    public void The_raw_answers_are_UTF8_with_a_byte_order_mark_and_keep_their_accents()
    {
        ExportScope.TryParse("2025", out var scope);
        var csv = _world.Files.Build(scope!, Communes.Shipped).Single(f => f.Name == "so-lieu-2025.csv").Content;
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Kỳ,Mã đơn vị,Đơn vị,Mã chỉ tiêu,Chỉ tiêu,Giá trị,Đơn vị tính,Người xác nhận sau cùng,Kênh,Gửi lần đầu,Sửa lần cuối,Số lần xác nhận,Ước tính", lines[0]);
        Assert.Equal(_world.Store.Answers.Count(a => a.RoundId == "2025") + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2025,TV-TH,Thư viện Trường Tiểu học Quảng Nghiệp,TV-LUOT,\"Lượt người sử dụng thư viện để học tập, tìm kiếm thông tin\",1000,lượt,Cô Hoa,Zalo,", StringComparison.Ordinal));
        // The value stays a plain number; the word the unit put before it is beside it.
        Assert.Contains(lines, l => l.StartsWith("2025,TV-XA,", StringComparison.Ordinal) && l.Contains(",TV-SOHOA,") && l.Contains(",10,") && l.EndsWith(",hơn", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2025,NVH-1,Nhà văn hóa Thôn 1,VH-CLB,", StringComparison.Ordinal) && l.Contains(",có,"));
    }
}
