namespace MlNetEmotion.Cli.Hosting;

/// <summary>An option value that passed parsing but is unusable (e.g. an unknown <c>--layout</c>); exit code 2.</summary>
/// <param name="message">The option, what was given and what was expected.</param>
internal sealed class UsageException(string message) : Exception(message);
