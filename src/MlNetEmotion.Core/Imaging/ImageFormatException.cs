namespace MlNetEmotion.Core.Imaging;

/// <summary>An image file is malformed: bad signature, bad CRC, truncated data, unsupported header.</summary>
public sealed class ImageFormatException : IOException
{
    /// <summary>Creates the exception; the message names the file and, where known, the chunk or field at fault.</summary>
    /// <param name="fileName">File (or stream description) being decoded.</param>
    /// <param name="part">Chunk or header field at fault, e.g. <c>IDAT</c>, or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public ImageFormatException(string fileName, string? part, string problem)
        : base(part is null ? $"{fileName}: {problem}" : $"{fileName}: chunk {part}: {problem}")
    {
        FileName = fileName;
        Part = part;
    }

    /// <summary>File (or stream description) being decoded.</summary>
    public string FileName { get; }

    /// <summary>Chunk or header field at fault, or null.</summary>
    public string? Part { get; }
}
