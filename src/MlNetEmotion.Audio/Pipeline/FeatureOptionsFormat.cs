using MlNetEmotion.Audio.Features;
using MlNetEmotion.Signals.Fourier;

namespace MlNetEmotion.Audio.Pipeline;

/// <summary>Binary form of <see cref="LogMelOptions"/> and <see cref="MfccOptions"/> for saved models (every property, in declaration order).</summary>
internal static class FeatureOptionsFormat
{
    public static void Write(BinaryWriter w, LogMelOptions o)
    {
        w.Write(o.SampleRate); w.Write(o.FftLength); w.Write(o.WindowLength ?? 0); w.Write(o.HopLength ?? 0);
        w.Write((int)o.Window); w.Write(o.PeriodicWindow); w.Write((int)o.Framing); w.Write((int)o.PadMode);
        w.Write(o.RemoveDcOffset); w.Write(o.PreEmphasis); w.Write(o.Power); w.Write(o.Threads);
        w.Write(o.MelCount); w.Write(o.MinFrequency); w.Write(o.MaxFrequency ?? double.NaN); w.Write((int)o.MelScale); w.Write((int)o.MelNormalization);
        w.Write((int)o.LogScale); w.Write(o.DecibelMultiplier); w.Write(o.Amin); w.Write(o.Reference); w.Write(o.TopDb ?? double.NaN); w.Write(o.LogFloor);
        w.Write(o is MfccOptions);
        if (o is MfccOptions m)
        {
            w.Write(m.CoefficientCount); w.Write(m.OrthonormalDct); w.Write(m.Lifter);
        }
    }

    public static LogMelOptions Read(BinaryReader r)
    {
        int rate = r.ReadInt32(), fft = r.ReadInt32(), win = r.ReadInt32(), hop = r.ReadInt32();
        var window = (WindowKind)r.ReadInt32();
        bool periodic = r.ReadBoolean();
        var framing = (FramingMode)r.ReadInt32();
        var pad = (PaddingMode)r.ReadInt32();
        bool dc = r.ReadBoolean();
        double pre = r.ReadDouble(), power = r.ReadDouble();
        int threads = r.ReadInt32(), mels = r.ReadInt32();
        double fMin = r.ReadDouble(), fMax = r.ReadDouble();
        var scale = (MelScale)r.ReadInt32();
        var norm = (MelNormalization)r.ReadInt32();
        var log = (LogScale)r.ReadInt32();
        double multiplier = r.ReadDouble(), amin = r.ReadDouble(), reference = r.ReadDouble(), topDb = r.ReadDouble(), floor = r.ReadDouble();
        var o = new LogMelOptions
        {
            SampleRate = rate, FftLength = fft, WindowLength = win == 0 ? null : win, HopLength = hop == 0 ? null : hop,
            Window = window, PeriodicWindow = periodic, Framing = framing, PadMode = pad, RemoveDcOffset = dc, PreEmphasis = pre,
            Power = power, Threads = threads, MelCount = mels, MinFrequency = fMin, MaxFrequency = double.IsNaN(fMax) ? null : fMax,
            MelScale = scale, MelNormalization = norm, LogScale = log, DecibelMultiplier = multiplier, Amin = amin, Reference = reference,
            TopDb = double.IsNaN(topDb) ? null : topDb, LogFloor = floor,
        };
        if (!r.ReadBoolean()) return o;
        int coefficients = r.ReadInt32();
        bool ortho = r.ReadBoolean();
        double lifter = r.ReadDouble();
        return new MfccOptions
        {
            SampleRate = o.SampleRate, FftLength = o.FftLength, WindowLength = o.WindowLength, HopLength = o.HopLength, Window = o.Window,
            PeriodicWindow = o.PeriodicWindow, Framing = o.Framing, PadMode = o.PadMode, RemoveDcOffset = o.RemoveDcOffset, PreEmphasis = o.PreEmphasis,
            Power = o.Power, Threads = o.Threads, MelCount = o.MelCount, MinFrequency = o.MinFrequency, MaxFrequency = o.MaxFrequency,
            MelScale = o.MelScale, MelNormalization = o.MelNormalization, LogScale = o.LogScale, DecibelMultiplier = o.DecibelMultiplier, Amin = o.Amin,
            Reference = o.Reference, TopDb = o.TopDb, LogFloor = o.LogFloor, CoefficientCount = coefficients, OrthonormalDct = ortho, Lifter = lifter,
        };
    }
}
