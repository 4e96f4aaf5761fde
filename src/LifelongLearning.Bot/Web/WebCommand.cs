using LifelongLearning.Bot.Engine;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Web;

/// <summary>/web: an official gets a single-use sign-in link to the web page; nobody else gets one.</summary>
public sealed class WebCommand(WebAccess access, WebAddress address, IOptions<WebOptions> options)
{
    public void Handle(Turn turn)
    {
        if (!turn.IsOfficial || turn.Member is null)
        {
            turn.Say("Trang web theo dõi chỉ dành cho cán bộ theo dõi của xã.");
            return;
        }
        if (address.ListeningUrl is null && string.IsNullOrEmpty(options.Value.PublicBaseUrl))
        {
            turn.Say("Trang web theo dõi chưa chạy được trên máy chủ. Vui lòng báo người quản trị.");
            return;
        }
        var token = access.CreateLink(turn.Member.Id);
        var minutes = (int)options.Value.LinkLifetime.TotalMinutes;
        turn.Say($"Mở liên kết này trong trình duyệt để vào trang theo dõi của xã:\n{access.UrlOf(token, address.ListeningUrl)}\n" +
                 $"Liên kết dùng được một lần, trong {minutes} phút. Đừng chuyển liên kết cho người khác.");
    }
}
