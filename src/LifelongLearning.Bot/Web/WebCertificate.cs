using LifelongLearning.Bot.Configuration;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LifelongLearning.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LifelongLearning.Bot.Web;

/// <summary>
/// HTTPS for the web page from Kestrel's own keys, <c>Kestrel:Certificates:Default</c> (Path and Password of a
/// .pfx, or Path and KeyPath of PEM files), used when Web:ListenUrl is https. Only that part of the section
/// reaches the page's Kestrel: the page stays on Web:ListenUrl, and the webhooks' listeners are not touched.
/// A relative path means the folder the bot is started from, as for the database.
/// </summary>
public static class WebCertificate
{
    public const string Section = "Kestrel:Certificates:Default";

    /// <summary>The "Kestrel" section the page's Kestrel loads: the default certificate and nothing else.</summary>
    public static IConfiguration KestrelSection(IConfiguration configuration)
    {
        var keys = configuration.GetSection(Section).AsEnumerable()
            .Where(kv => !string.IsNullOrEmpty(kv.Value))
            .Select(kv => IsFileKey(kv.Key) ? new KeyValuePair<string, string?>(kv.Key, OperatorFolder.Resolve(kv.Value!)) : kv);
        return new ConfigurationBuilder().AddInMemoryCollection(keys).Build().GetSection("Kestrel");
    }

    private static bool IsFileKey(string key) =>
        key.Equals($"{Section}:Path", StringComparison.OrdinalIgnoreCase) || key.Equals($"{Section}:KeyPath", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Stops the start when the page is to serve HTTPS and the certificate cannot be had, naming the key: left to
/// Kestrel, a missing file or a wrong password would only show when the page fails to listen.
/// </summary>
public sealed class WebCertificateValidator(IConfiguration configuration) : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var section = configuration.GetSection(WebCertificate.Section);
        var path = section["Path"];
        var https = Uri.TryCreate(options.ListenUrl, UriKind.Absolute, out var listen) && listen.Scheme == Uri.UriSchemeHttps;
        if (string.IsNullOrEmpty(path))
        {
            // A certificate from the system's store (Subject) is Kestrel's business; none at all cannot serve https.
            return https && string.IsNullOrEmpty(section["Subject"])
                ? ValidateOptionsResult.Fail($"Web:ListenUrl là https:// nên cần chứng chỉ: đặt {WebCertificate.Section}:Path (tệp .pfx) và {WebCertificate.Section}:Password, " +
                                             "hoặc dùng http:// sau một reverse proxy có HTTPS.")
                : ValidateOptionsResult.Success;
        }
        var file = OperatorFolder.Resolve(path);
        if (!File.Exists(file)) return ValidateOptionsResult.Fail($"{WebCertificate.Section}:Path: không có tệp chứng chỉ \"{file}\".");
        var keyPath = section["KeyPath"];
        if (!string.IsNullOrEmpty(keyPath) && !File.Exists(OperatorFolder.Resolve(keyPath)))
            return ValidateOptionsResult.Fail($"{WebCertificate.Section}:KeyPath: không có tệp khóa \"{OperatorFolder.Resolve(keyPath)}\".");
        try
        {
            using var certificate = string.IsNullOrEmpty(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(file, section["Password"])
                : X509Certificate2.CreateFromPemFile(file, OperatorFolder.Resolve(keyPath));
            if (!certificate.HasPrivateKey)
                return ValidateOptionsResult.Fail($"{WebCertificate.Section}:Path: chứng chỉ không kèm khóa riêng (cần tệp .pfx có khóa, hoặc đặt KeyPath).");
        }
        catch (CryptographicException)
        {
            // The reason may quote the file; never the password.
            return ValidateOptionsResult.Fail($"{WebCertificate.Section}: không mở được chứng chỉ \"{file}\" (sai mật khẩu {WebCertificate.Section}:Password, hoặc tệp không phải chứng chỉ .pfx/PEM).");
        }
        return ValidateOptionsResult.Success;
    }
}
