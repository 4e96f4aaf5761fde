using LifelongLearning.Bot.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddBot();
using var host = builder.Build();
await host.RunAsync();
