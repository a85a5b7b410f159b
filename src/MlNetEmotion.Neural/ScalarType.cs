namespace MlNetEmotion.Neural;

/// <summary>Element type of a <see cref="Tensor"/>: float32 for values and gradients, int64 for indices and class targets.</summary>
public enum ScalarType
{
    /// <summary>32-bit IEEE float (<c>torch.float32</c>); every differentiable op works on it.</summary>
    Float32,

    /// <summary>64-bit signed integer (<c>torch.int64</c>); used for class targets and index tensors.</summary>
    Int64,
}
