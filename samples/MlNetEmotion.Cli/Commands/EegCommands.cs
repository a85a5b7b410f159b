using System.CommandLine;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion eeg ...</c> command group.</summary>
internal static class EegCommands
{
    /// <summary>Builds the <c>eeg</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("eeg", "Eeg utilities.");
        return command;
    }
}
