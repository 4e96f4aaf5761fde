using LifelongLearning.Bot.Hosting;
using Microsoft.Extensions.Hosting;

// "export --year 2025 --out bao-cao" writes the report files and exits, without starting the channels.
if (ExportVerb.Matches(args)) return await ExportVerb.RunAsync(args);
// "backup --out DIR" and "restore --from FILE", with the bot stopped.
if (BackupVerb.Matches(args)) return await BackupVerb.RunAsync(args);

var builder = Host.CreateApplicationBuilder(args);
builder.AddBot();
using var host = builder.Build();
await host.RunAsync();
return 0;
