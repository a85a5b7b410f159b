namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>Stable per-(seed, subject, trial, stream) seeds, so that any trial can be generated alone, in any order and
/// on any thread, and still come out bit-identical (SplitMix64 finaliser; never <c>string.GetHashCode</c>).</summary>
public static class SyntheticSeed
{
    /// <summary>Well-known streams, so that modalities of one trial draw independent numbers.</summary>
    public enum Stream
    {
        /// <summary>Trial plan: true affect, reports, orders.</summary>
        Plan = 1,
        /// <summary>EEG.</summary>
        Eeg = 2,
        /// <summary>Face video.</summary>
        Face = 3,
        /// <summary>Voice.</summary>
        Voice = 4,
        /// <summary>Emotion bursts (<see cref="EmotionBursts"/>).</summary>
        Bursts = 5,
    }

    /// <summary>A 31-bit seed for <see cref="Random"/> from the corpus seed, subject, trial and stream.</summary>
    /// <param name="seed">Corpus seed.</param>
    /// <param name="subject">Subject number (any integer; 0 for corpus-wide draws).</param>
    /// <param name="trial">Trial number (0 for per-subject draws).</param>
    /// <param name="stream">What the numbers are for.</param>
    public static int For(int seed, int subject, int trial, Stream stream)
    {
        ulong z = (ulong)(uint)seed;
        z = Mix(z ^ ((ulong)(uint)subject << 32 | (uint)trial));
        z = Mix(z + (ulong)stream * 0x9E3779B97F4A7C15UL);
        return (int)(z >> 33);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
