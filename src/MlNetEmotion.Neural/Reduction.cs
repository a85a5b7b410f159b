namespace MlNetEmotion.Neural;

/// <summary>How a loss reduces per-element values (PyTorch's <c>reduction=</c>).</summary>
public enum Reduction
{
    /// <summary>No reduction: one value per element / sample.</summary>
    None,

    /// <summary>Mean (weighted mean for class-weighted losses).</summary>
    Mean,

    /// <summary>Sum.</summary>
    Sum,
}
