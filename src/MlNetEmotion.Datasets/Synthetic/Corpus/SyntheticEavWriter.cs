using MlNetEmotion.Audio.IO;
using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>
/// Writes the EAV-shaped corpus in EAV's layout, so the built-in <c>eav</c> manifest loads it:
/// <c>subjectNN/Video/NUM_Trial_RR_{Listening|Speaking}_{Emotion}.mp4</c>, the same name with <c>_aud.wav</c> under
/// <c>Audio/</c> for speaking clips, and <c>EEG/subjectNN_eeg.mat</c> (<c>seg1</c> [samples, 30, clips], µV) with
/// <c>EEG/subjectNN_eeg_label.mat</c> (<c>label</c> [10, clips], one-hot over emotion × task: column
/// 2·emotion + 1 for listening, 2·emotion for speaking, emotions in the manifest's order). Files are written atomically.
/// </summary>
internal static class SyntheticEavWriter
{
    public static void Write(string root, SyntheticEavOptions options, SyntheticModalities modalities, Action<long, long>? progress)
    {
        var trials = SyntheticTrialPlan.Eav(options);
        long done = 0, total = trials.Count;
        foreach (var subject in trials.GroupBy(t => t.Subject))
        {
            var list = subject.ToArray();
            string folder = Path.Combine(root, $"subject{subject.Key:00}");
            WriteEeg(folder, subject.Key, list, modalities);
            foreach (var trial in list)
            {
                string name = $"{trial.Trial:000}_Trial_{trial.Repeat:00}_{trial.Task}_{trial.Emotion}";
                if (options.IncludeVideo) modalities.WriteVideo(Path.Combine(folder, "Video", name + ".mp4"), trial);
                if (options.IncludeAudio && trial.Task == "Speaking")
                    WavWriter.Write(Path.Combine(folder, "Audio", name + "_aud.wav"), modalities.Voice(trial));
                progress?.Invoke(++done, total);
            }
        }
    }

    private static void WriteEeg(string folder, int subject, SyntheticTrial[] trials, SyntheticModalities modalities)
    {
        double[]? seg = null;
        int channels = 0, samples = 0;
        for (int t = 0; t < trials.Length; t++)
        {
            var data = modalities.EegChannels(trials[t]);
            if (seg is null)
            {
                (channels, samples) = (data.Length, data[0].Length);
                seg = new double[samples * channels * trials.Length];
            }
            for (int c = 0; c < channels; c++)
                for (int s = 0; s < samples; s++) seg[(s * channels + c) * trials.Length + t] = data[c][s];
        }
        var label = new double[10 * trials.Length];
        for (int t = 0; t < trials.Length; t++)
        {
            int emotion = AffectState.EavClasses.ToList().IndexOf(trials[t].Emotion!);
            label[(2 * emotion + (trials[t].Task == "Listening" ? 1 : 0)) * trials.Length + t] = 1;
        }
        string eeg = Path.Combine(folder, "EEG");
        MatWriter.Write(Path.Combine(eeg, $"subject{subject:00}_eeg.mat"), [new("seg1", MatNumericArray.FromRowMajor(seg!, samples, channels, trials.Length))]);
        MatWriter.Write(Path.Combine(eeg, $"subject{subject:00}_eeg_label.mat"), [new("label", MatNumericArray.FromRowMajor(label, 10, trials.Length))]);
    }
}
