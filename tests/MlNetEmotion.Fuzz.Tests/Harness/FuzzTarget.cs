namespace MlNetEmotion.Fuzz.Tests.Harness;

/// <summary>One file format under fuzzing: its seed files, how an input is read, and which exceptions are its typed errors.</summary>
/// <param name="Name">Short format name (the row of the fuzz table).</param>
/// <param name="FileName">Name the input is written under (its extension picks the reader path), relative to a fresh folder.</param>
/// <param name="IsText">True for text formats, which also get token mutations.</param>
/// <param name="Seeds">Valid files the mutations start from.</param>
/// <param name="Read">Reads the input file through the library; returns normally for a valid file.</param>
/// <param name="IsTyped">True for the format's typed errors (anything else is a defect).</param>
/// <param name="Repair">Recomputes the checksums of a mutated input (applied to half of them) so that mutations reach the
/// decoder behind the checksum; null for formats without one.</param>
public sealed record FuzzTarget(string Name, string FileName, bool IsText, IReadOnlyList<byte[]> Seeds, Action<string> Read, Func<Exception, bool> IsTyped,
    Func<byte[], byte[]>? Repair = null)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
