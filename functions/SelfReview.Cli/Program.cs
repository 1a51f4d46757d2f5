using SelfReview.Cli;
using SelfReview.Pipeline.Diagnostics;

StartupPhases.Mark("runtime started, Main entered");
var exitCode = await CliApp.RunAsync(args, Console.Out, Console.Error);
StartupPhases.Flush();
return exitCode;
