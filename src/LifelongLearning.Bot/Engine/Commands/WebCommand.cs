namespace LifelongLearning.Bot.Engine.Commands;

/// <summary>/web: an official gets a single-use sign-in link to the web page; nobody else gets one.</summary>
public sealed class WebCommand(WebSignIn signIn)
{
    public void Handle(Turn turn)
    {
        if (!turn.IsOfficial || turn.Member is null)
        {
            turn.Say("Trang web theo dõi chỉ dành cho cán bộ theo dõi của xã.");
            return;
        }
        if (!signIn.CanSignIn)
        {
            turn.Say("Trang web theo dõi chưa chạy được trên máy chủ. Vui lòng báo người quản trị.");
            return;
        }
        var token = signIn.CreateLink(turn.Member.Id);
        var minutes = (int)signIn.LinkLifetime.TotalMinutes;
        turn.Say($"Mở liên kết này trong trình duyệt để vào trang theo dõi của xã:\n{signIn.UrlOf(token)}\n" +
                 $"Liên kết dùng được một lần, trong {minutes} phút. Đừng chuyển liên kết cho người khác.");
    }
}
