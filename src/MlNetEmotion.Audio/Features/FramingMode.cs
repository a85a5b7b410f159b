namespace MlNetEmotion.Audio.Features;

/// <summary>Where analysis frames sit on the signal.</summary>
public enum FramingMode
{
    /// <summary><c>torch.stft(center=True)</c> / librosa: the signal is padded by <c>n_fft / 2</c> on both sides and
    /// frame <c>t</c> is centred on sample <c>t·hop</c>; <c>1 + L / hop</c> frames.</summary>
    Centered,

    /// <summary><c>torch.stft(center=False)</c>: no padding; frame <c>t</c> covers <c>[t·hop, t·hop + n_fft)</c> with
    /// the window centred in it; <c>1 + (L − n_fft) / hop</c> frames.</summary>
    Uncentered,

    /// <summary>Kaldi with <c>snip_edges=true</c>: no padding; frame <c>t</c> is the <c>win_length</c> samples from
    /// <c>t·hop</c>, zero-padded on the right to <c>n_fft</c>; <c>1 + (L − win_length) / hop</c> frames.</summary>
    KaldiSnipEdges,
}
