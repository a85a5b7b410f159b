using System.CommandLine;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion audio ...</c> command group.</summary>
internal static class AudioCommands
{
    /// <summary>Builds the <c>audio</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("audio", "Audio utilities.");
        return command;
    }
}
