namespace LifelongLearning.Bot.Storage;

/// <summary>The database's folder cannot be created or written (read-only, no permission): said in Vietnamese, with what to do.</summary>
public sealed class StoreFolderException(string folder, Exception inner)
    : IOException($"không ghi được vào thư mục cơ sở dữ liệu {folder} ({Reason(inner)}). " +
                  "Cấp quyền ghi cho thư mục này, hoặc đặt Storage:DatabasePath sang một thư mục ghi được.", inner)
{
    public string Folder { get; } = folder;

    private static string Reason(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "không có quyền ghi",
        IOException io when io.Message.Contains("Read-only", StringComparison.OrdinalIgnoreCase) => "ổ đĩa chỉ cho đọc",
        _ => "thư mục chỉ cho đọc hoặc không tạo được",
    };
}
