namespace MlNetEmotion.Eeg.IO.Mat;

/// <summary>
/// Placeholder for a value the reader does not decode (objects, function handles, opaque values such as
/// MATLAB <c>string</c> or <c>table</c>), so that the other variables of the file stay readable.
/// </summary>
public sealed class MatUnsupportedArray : MatValue
{
    private readonly MatClass matClass;

    /// <summary>Creates the placeholder.</summary>
    /// <param name="matClass">The class found in the file.</param>
    /// <param name="dimensions">Its dimensions as stored ([1, 1] for opaque values, which store none).</param>
    public MatUnsupportedArray(MatClass matClass, int[] dimensions) : base(dimensions) => this.matClass = matClass;

    /// <inheritdoc />
    public override MatClass Class => matClass;
}
