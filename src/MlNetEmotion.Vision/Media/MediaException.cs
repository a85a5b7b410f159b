namespace MlNetEmotion.Vision.Media;

/// <summary>A video or image could not be read: ffmpeg/ffprobe failed, the stream is malformed, or a frame is missing.</summary>
public class MediaException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> names the file and, where known, the frame.</summary>
    /// <param name="fileName">File being read.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">Underlying exception, if any.</param>
    public MediaException(string fileName, string message, Exception? inner = null)
        : base($"{fileName}: {message}", inner)
    {
        FileName = fileName;
    }

    /// <summary>File being read.</summary>
    public string FileName { get; }
}

/// <summary>The <c>ffmpeg</c> or <c>ffprobe</c> program is not installed or not on <c>PATH</c>.</summary>
public sealed class FfmpegNotFoundException : FileNotFoundException
{
    /// <summary>Creates the exception for the missing <paramref name="program"/>.</summary>
    public FfmpegNotFoundException(string program)
        : base($"'{program}' was not found on PATH. Install the Debian/Ubuntu package 'ffmpeg' (apt-get install ffmpeg) " +
               $"or set {Ffmpeg.DirectoryVariable} to the folder holding ffmpeg and ffprobe.", program)
    {
    }
}
