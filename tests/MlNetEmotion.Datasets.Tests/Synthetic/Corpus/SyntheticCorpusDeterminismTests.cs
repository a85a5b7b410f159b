using System.Security.Cryptography;
using MlNetEmotion.Datasets.Synthetic.Corpus;

namespace MlNetEmotion.Datasets.Tests.Synthetic.Corpus;

/// <summary>The written corpora are a function of the seed: the same seed gives bit-identical files (MAT, CSV, WAV),
/// another seed other signals.</summary>
public sealed class SyntheticCorpusDeterminismTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlnemo-synth-det-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Dictionary<string, string> Write(string name, Action<string> write)
    {
        string folder = Path.Combine(_root, name);
        write(folder);
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f).Replace('\\', '/'), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
    }

    [Fact]
    public void Same_seed_writes_the_same_bytes_and_another_seed_other_signals()
    {
        var ctx = new MLContext(1);
        SyntheticEavOptions Eav(int seed) => new() { Subjects = 1, TrialsPerSubject = 10, ClipSeconds = 0.5, IncludeVideo = false, Seed = seed };
        SyntheticDeapOptions Deap(int seed) => new() { Subjects = 1, TrialsPerSubject = 4, StimulusSeconds = 1, BaselineSeconds = 0.5, IncludeVideo = false, Seed = seed };

        var eav1 = Write("eav1", d => ctx.Data.WriteSyntheticEav(d, Eav(3)));
        var eav2 = Write("eav2", d => ctx.Data.WriteSyntheticEav(d, Eav(3)));
        var eav3 = Write("eav3", d => ctx.Data.WriteSyntheticEav(d, Eav(4)));
        Assert.Equal(2 + 5, eav1.Count);                                // EEG + labels, 5 speaking clips
        Assert.Equal(eav1, eav2);
        Assert.NotEqual(eav1["subject01/EEG/subject01_eeg.mat"], eav3["subject01/EEG/subject01_eeg.mat"]);

        var deap1 = Write("deap1", d => ctx.Data.WriteSyntheticDeap(d, Deap(3)));
        var deap2 = Write("deap2", d => ctx.Data.WriteSyntheticDeap(d, Deap(3)));
        var deap3 = Write("deap3", d => ctx.Data.WriteSyntheticDeap(d, Deap(4)));
        Assert.Equal(2, deap1.Count);                                   // .mat + ratings
        Assert.Equal(deap1, deap2);
        Assert.NotEqual(deap1["data_preprocessed_matlab/s01.mat"], deap3["data_preprocessed_matlab/s01.mat"]);
        Assert.NotEqual(deap1["metadata_csv/participant_ratings.csv"], deap3["metadata_csv/participant_ratings.csv"]);
    }
}
