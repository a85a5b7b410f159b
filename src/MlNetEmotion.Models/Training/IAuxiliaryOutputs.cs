namespace MlNetEmotion.Models.Training;

/// <summary>A network that gives, besides its scores, named per-row values a user may plot (attention weights, the
/// frames it read, ...). The trained transformer adds one Single vector column per <see cref="AuxiliaryColumns"/> entry.</summary>
public interface IAuxiliaryOutputs
{
    /// <summary>The extra columns, in output order.</summary>
    IReadOnlyList<AuxiliaryColumn> AuxiliaryColumns { get; }

    /// <summary>Per column, the values of every row of the last forward pass, <c>[rows × column width]</c> flattened.</summary>
    IReadOnlyList<float[]> LastAuxiliaryValues { get; }
}

/// <summary>One extra output column of a network.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Dimensions">Per-row dimensions of the Single vector.</param>
public sealed record AuxiliaryColumn(string Name, int[] Dimensions)
{
    /// <summary>Values per row.</summary>
    public int Width => Dimensions.Aggregate(1, (a, b) => a * b);
}
