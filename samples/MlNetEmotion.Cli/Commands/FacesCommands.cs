using System.CommandLine;

namespace MlNetEmotion.Cli.Commands;

/// <summary>The <c>mlnet-emotion faces ...</c> command group.</summary>
internal static class FacesCommands
{
    /// <summary>Builds the <c>faces</c> command and its sub-commands.</summary>
    public static Command Create()
    {
        var command = new Command("faces", "Faces utilities.");
        return command;
    }
}
