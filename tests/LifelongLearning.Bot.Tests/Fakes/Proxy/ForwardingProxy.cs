using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LifelongLearning.Bot.Tests.Fakes.Proxy;

/// <summary>
/// A plain http:// forward proxy on loopback for the tests: the client sends it absolute-form requests
/// ("POST http://telegram.invalid/bot…/getMe"), it replays each to one target server and records the
/// host the client asked for. <see cref="Down"/> drops every connection, as a network that is down.
/// </summary>
public sealed class ForwardingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Proxy-Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Proxy-Authorization",
    };

    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentQueue<string> _requestedHosts = new();

    private ForwardingProxy(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    /// <summary>The proxy's address, for Telegram:Proxy.</summary>
    public string Url { get; private set; } = "";

    /// <summary>When set, every request is dropped without an answer.</summary>
    public volatile bool Down;

    /// <summary>The host of every request forwarded (the name the client meant, not the target's).</summary>
    public IReadOnlyList<string> RequestedHosts => [.. _requestedHosts];

    private int _dropped;
    private int _challenged;

    /// <summary>How many requests were dropped while <see cref="Down"/>.</summary>
    public int Dropped => Volatile.Read(ref _dropped);

    /// <summary>When set ("user:password"), a request without these Basic credentials gets 407, as a proxy that asks for a login.</summary>
    public string? RequiredCredentials { get; set; }

    /// <summary>How many requests got 407.</summary>
    public int Challenged => Volatile.Read(ref _challenged);

    public static async Task<ForwardingProxy> StartAsync(string targetBaseUrl)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var proxy = new ForwardingProxy(app, new Uri(targetBaseUrl));
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Url = app.Urls.Single().TrimEnd('/');
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        if (Down)
        {
            Interlocked.Increment(ref _dropped);
            context.Abort();
            return;
        }
        if (RequiredCredentials is { } credentials &&
            context.Request.Headers["Proxy-Authorization"].ToString() != "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)))
        {
            Interlocked.Increment(ref _challenged);
            context.Response.StatusCode = StatusCodes.Status407ProxyAuthenticationRequired;
            context.Response.Headers["Proxy-Authenticate"] = "Basic realm=\"test\"";
            return;
        }
        _requestedHosts.Enqueue(context.Request.Host.Host);
        var uri = new Uri(_target, context.Request.Path + context.Request.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), uri);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            request.Content = new StreamContent(body);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (HopHeaders.Contains(name)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray())) request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
        }
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (!HopHeaders.Contains(name)) context.Response.Headers[name] = values.ToArray();
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
