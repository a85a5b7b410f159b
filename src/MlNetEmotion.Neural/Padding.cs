namespace MlNetEmotion.Neural;

/// <summary>String paddings of PyTorch's convolutions (<c>padding="valid"</c> / <c>"same"</c>).</summary>
public enum Padding
{
    /// <summary>No padding.</summary>
    Valid,

    /// <summary>Output as long as the input (stride 1 only); total padding dilation·(k−1), the odd one after.</summary>
    Same,
}
