namespace MlNetEmotion.Neural;

/// <summary>
/// Seedable pseudo-random generator (xoshiro256** seeded through SplitMix64): the same seed gives
/// bit-identical streams on every machine and thread count. <c>torch.Generator</c> in PyTorch.
/// </summary>
/// <remarks>The streams differ from PyTorch's Mersenne Twister; parity tests load weights instead of re-drawing them.</remarks>
public sealed class Generator
{
    private ulong s0, s1, s2, s3;
    private double? spareNormal;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(long seed = 0) => manual_seed(seed);

    /// <summary>The seed last set.</summary>
    public long initial_seed { get; private set; }

    /// <summary>The generator's full state (<c>torch.Generator.get_state</c>): restoring it with <see cref="set_state"/>
    /// continues the stream exactly where it was.</summary>
    public GeneratorState get_state() => new(initial_seed, s0, s1, s2, s3, spareNormal);

    /// <summary>Restores a state from <see cref="get_state"/>.</summary>
    /// <param name="state">The state.</param>
    public Generator set_state(GeneratorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (initial_seed, s0, s1, s2, s3, spareNormal) = (state.InitialSeed, state.S0, state.S1, state.S2, state.S3, state.SpareNormal);
        return this;
    }

    /// <summary>Restarts the stream from <paramref name="seed"/>.</summary>
    public Generator manual_seed(long seed)
    {
        initial_seed = seed;
        ulong x = (ulong)seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
        spareNormal = null;
        return this;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next raw 64-bit value.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform float in [0, 1) with 24 random bits.</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1 << 24));

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal value (Box–Muller, pairs cached).</summary>
    public double NextNormal()
    {
        if (spareNormal is double spare)
        {
            spareNormal = null;
            return spare;
        }
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        spareNormal = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Uniform integer in [low, high) without modulo bias.</summary>
    public long NextInt64(long low, long high)
    {
        if (high <= low) throw new ArgumentOutOfRangeException(nameof(high), $"randint: high ({high}) must exceed low ({low}).");
        ulong range = (ulong)(high - low);
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong v;
        do v = NextUInt64(); while (v >= limit);
        return low + (long)(v % range);
    }
}

/// <summary>The state of a <see cref="Generator"/>: its seed, the four xoshiro256** words and a cached normal value.</summary>
/// <param name="InitialSeed">The seed last set.</param>
/// <param name="S0">State word 0.</param>
/// <param name="S1">State word 1.</param>
/// <param name="S2">State word 2.</param>
/// <param name="S3">State word 3.</param>
/// <param name="SpareNormal">The second value of the last Box–Muller pair, if not yet used.</param>
public sealed record GeneratorState(long InitialSeed, ulong S0, ulong S1, ulong S2, ulong S3, double? SpareNormal);
