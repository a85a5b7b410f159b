using System.CommandLine;
using MlNetEmotion.Cli.Commands;

var root = new RootCommand("mlnet-emotion: multimodal emotion recognition experiments (EEG, face video, speech).");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(MetricsCommand.Create());
root.Subcommands.Add(EegCommands.Create());
root.Subcommands.Add(FacesCommands.Create());
root.Subcommands.Add(AudioCommands.Create());
root.Subcommands.Add(SynthCommand.Create());
return root.Parse(args).Invoke();
