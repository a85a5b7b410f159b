using MlNetEmotion.Cli.Hosting;

return CliApp.Run(args);
