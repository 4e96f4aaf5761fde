using System.Globalization;

namespace LifelongLearning.Bot.Core.Text;

/// <summary>Numbers and dates the Vietnamese way: "1.250", "72,5%", "21/04/2025".</summary>
public static class VietnameseFormat
{
    public static readonly CultureInfo Culture = CreateCulture();

    public static string Number(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,##0" : "#,##0.##", Culture);

    // Grouped like any number: «1.307,4%», not «1307,4%».
    public static string Percent(decimal value) => value.ToString("#,##0.#", Culture) + "%";

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset local) => local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static CultureInfo CreateCulture()
    {
        // Built by hand so the format does not depend on the server's ICU data.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.PercentGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        return CultureInfo.ReadOnly(culture);
    }
}
