using System.Globalization;
using System.Text;
using MlNetEmotion.Eeg.IO;
using MlNetEmotion.Eeg.IO.Mat;

namespace MlNetEmotion.Datasets.Synthetic.Corpus;

/// <summary>
/// Writes the DEAP-shaped corpus in DEAP's own layout, so the built-in <c>deap</c> manifest loads it:
/// <c>data_preprocessed_matlab/sXX.mat</c> (<c>data</c> [trials, 40, samples]: 32 EEG channels in µV and 8 peripheral
/// channels; <c>labels</c> [trials, 4]), <c>metadata_csv/participant_ratings.csv</c> and
/// <c>face_video/sXX/sXX_trialYY.avi</c> (YY = presentation position) for subjects up to
/// <see cref="SyntheticDeapOptions.VideoSubjects"/>. Every file is written to a temporary name and renamed.
/// </summary>
internal static class SyntheticDeapWriter
{
    public static void Write(string root, SyntheticDeapOptions options, SyntheticModalities modalities, Action<long, long>? progress)
    {
        var trials = SyntheticTrialPlan.Deap(options);
        Directory.CreateDirectory(root);
        WriteRatings(Path.Combine(root, "metadata_csv", "participant_ratings.csv"), trials);
        long done = 0, total = trials.Count;
        foreach (var subject in trials.GroupBy(t => t.Subject))
        {
            var list = subject.ToArray();
            WriteSubjectMat(Path.Combine(root, "data_preprocessed_matlab", $"s{subject.Key:00}.mat"), list, modalities);
            if (options.IncludeVideo && subject.Key <= options.VideoSubjects)
                foreach (var trial in list)
                    modalities.WriteVideo(Path.Combine(root, "face_video", $"s{subject.Key:00}", $"s{subject.Key:00}_trial{trial.Presentation:00}.avi"), trial);
            done += list.Length;
            progress?.Invoke(done, total);
        }
    }

    /// <summary>DEAP's ratings table: one row per (participant, presentation), with the stimulus as Experiment_id.</summary>
    private static void WriteRatings(string path, IReadOnlyList<SyntheticTrial> trials)
    {
        var text = new StringBuilder("Participant_id,Trial,Experiment_id,Start_time,Valence,Arousal,Dominance,Liking\n");
        foreach (var t in trials.OrderBy(t => t.Subject).ThenBy(t => t.Presentation))
            text.Append(CultureInfo.InvariantCulture,
                $"{t.Subject},{t.Presentation},{t.Trial},{t.Presentation * 70_000_000L},{t.Ratings.Valence},{t.Ratings.Arousal},{t.Ratings.Dominance},{t.Ratings.Liking}\n");
        Core.IO.AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void WriteSubjectMat(string path, SyntheticTrial[] trials, SyntheticModalities modalities)
    {
        double[]? data = null;
        int channels = 0, samples = 0;
        for (int i = 0; i < trials.Length; i++)
        {
            var channelsOfTrial = modalities.DeapTrialChannels(trials[i]);
            if (data is null)
            {
                channels = channelsOfTrial.Length;
                samples = channelsOfTrial[0].Length;
                data = new double[trials.Length * channels * samples];
            }
            for (int c = 0; c < channels; c++) channelsOfTrial[c].CopyTo(data.AsSpan((i * channels + c) * samples, samples));
        }
        var labels = new double[trials.Length * 4];
        for (int i = 0; i < trials.Length; i++)
        {
            var r = trials[i].Ratings;
            (labels[4 * i], labels[4 * i + 1], labels[4 * i + 2], labels[4 * i + 3]) = (r.Valence, r.Arousal, r.Dominance, r.Liking);
        }
        Core.IO.AtomicFile.Write(path, stream => MatWriter.Write(stream,
        [
            new("data", MatNumericArray.FromRowMajor(data!, trials.Length, channels, samples)),
            new("labels", MatNumericArray.FromRowMajor(labels, trials.Length, 4)),
        ]));
    }
}
