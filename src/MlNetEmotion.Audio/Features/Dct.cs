namespace MlNetEmotion.Audio.Features;

/// <summary>DCT-II matrices and cepstral liftering.</summary>
public static class Dct
{
    /// <summary>DCT-II basis as <c>torchaudio.functional.create_dct</c> transposed: row <c>k</c> holds
    /// <c>cos(π/N·(n + ½)·k)</c> for <c>n</c> in [0, N), scaled by <c>√(2/N)</c> with row 0 further scaled by
    /// <c>1/√2</c> (orthonormal), or by 2 (unnormalised).</summary>
    /// <param name="coefficientCount">Rows (coefficients kept), at most <paramref name="inputCount"/>.</param>
    /// <param name="inputCount">Inputs <c>N</c> (mel bands).</param>
    /// <param name="orthonormal">Orthonormal scaling.</param>
    /// <returns>Row-major <c>[coefficientCount, inputCount]</c>.</returns>
    public static double[] Matrix(int coefficientCount, int inputCount, bool orthonormal = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputCount, 1);
        if (coefficientCount < 1 || coefficientCount > inputCount)
            throw new ArgumentOutOfRangeException(nameof(coefficientCount), coefficientCount, $"Coefficient count must be in [1, {inputCount}] (the number of mel bands).");
        var m = new double[coefficientCount * inputCount];
        for (int k = 0; k < coefficientCount; k++)
        {
            double scale = orthonormal ? Math.Sqrt(2.0 / inputCount) * (k == 0 ? 1 / Math.Sqrt(2) : 1) : 2.0;
            for (int n = 0; n < inputCount; n++)
                m[k * inputCount + n] = Math.Cos(Math.PI / inputCount * (n + 0.5) * k) * scale;
        }
        return m;
    }

    /// <summary>Kaldi's sinusoidal lifter weights <c>1 + (L/2)·sin(π·i/L)</c>.</summary>
    /// <param name="coefficientCount">Number of coefficients.</param>
    /// <param name="lifter">Lifter <c>L</c>; 0 gives all ones.</param>
    public static double[] LifterWeights(int coefficientCount, double lifter)
    {
        var w = new double[coefficientCount];
        for (int i = 0; i < coefficientCount; i++) w[i] = lifter == 0 ? 1 : 1 + 0.5 * lifter * Math.Sin(Math.PI * i / lifter);
        return w;
    }
}
