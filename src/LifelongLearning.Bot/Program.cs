using LifelongLearning.Bot.Hosting;

if (BotRun.IsHelp(args))
{
    Console.Out.Write(BotRun.Help);
    Console.Out.WriteLine();
    Console.Out.Write(ExportVerb.Usage);
    Console.Out.WriteLine();
    return 0;
}

// "export --year 2025 --out bao-cao" writes the report files and exits, without starting the channels.
if (ExportVerb.Matches(args)) return await ExportVerb.RunAsync(args);
// "backup --out DIR" and "restore --from FILE", with the bot stopped.
if (BackupVerb.Matches(args)) return await BackupVerb.RunAsync(args);

return await BotRun.RunAsync(args);
