using MlNetEmotion.Eeg;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>
/// DEAP's eight peripheral channels for a synthetic trial, so the stored arrays have DEAP's 40 rows. They are simple
/// and documented, not a physiological model: hEOG = Fp2 − Fp1 (horizontal eye movement shows as frontal asymmetry),
/// vEOG = (Fp1 + Fp2)/2 (carries the blinks), zEMG and tEMG = T7 and T8 (carry the muscle bursts), and GSR, respiration,
/// plethysmograph and temperature as smooth signals whose level or rate rises with arousal (GSR 1000 + 200·a, breathing
/// at 0.25 + 0.08·a Hz, pulse at 1.15 + 0.2·a Hz, skin temperature 33 − 0.2·a °C, a = centred arousal).
/// </summary>
internal static class PeripheralSignals
{
    public static double[][] Deap(EegRecording eeg, AffectState affect)
    {
        double[] Channel(string name) => eeg.Channels[eeg.IndexOf(name)].Samples;
        double fs = eeg.SamplingRate, a = affect.Arousal;
        int n = eeg.Channels[0].Samples.Length;
        double[] fp1 = Channel("Fp1"), fp2 = Channel("Fp2");
        double[] Make(Func<int, double> f) => Enumerable.Range(0, n).Select(f).ToArray();
        return
        [
            Make(i => fp2[i] - fp1[i]),
            Make(i => 0.5 * (fp1[i] + fp2[i])),
            (double[])Channel("T7").Clone(),
            (double[])Channel("T8").Clone(),
            Make(i => 1000 + 200 * a + 20 * Math.Sin(2 * Math.PI * 0.02 * i / fs)),
            Make(i => 100 * Math.Sin(2 * Math.PI * (0.25 + 0.08 * a) * i / fs)),
            Make(i => 50 * Math.Pow(Math.Max(0, Math.Sin(2 * Math.PI * (1.15 + 0.2 * a) * i / fs)), 3)),
            Make(_ => 33 - 0.2 * a),
        ];
    }
}
