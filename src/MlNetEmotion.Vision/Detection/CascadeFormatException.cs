namespace MlNetEmotion.Vision.Detection;

/// <summary>A cascade XML file does not have the shape of an OpenCV cascade; the message names the file and element.</summary>
public sealed class CascadeFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">Cascade file.</param>
    /// <param name="element">Element path at fault, e.g. <c>stages/_[3]/stageThreshold</c>.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public CascadeFormatException(string fileName, string element, string problem)
        : base($"{fileName}: <{element}>: {problem}")
    {
        FileName = fileName;
        Element = element;
    }

    /// <summary>Cascade file.</summary>
    public string FileName { get; }

    /// <summary>Element at fault.</summary>
    public string Element { get; }
}
