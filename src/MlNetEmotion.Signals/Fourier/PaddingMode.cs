namespace MlNetEmotion.Signals.Fourier;

/// <summary>How a signal is extended beyond its ends when frames are centred on their sample.</summary>
public enum PaddingMode
{
    /// <summary>Zeros (<c>pad_mode="constant"</c>).</summary>
    Zero,

    /// <summary>Mirror without repeating the edge sample: <c>x[−k] = x[k]</c> (<c>pad_mode="reflect"</c>, the
    /// <c>torch.stft</c> default). Needs a signal longer than the padding.</summary>
    Reflect,
}
