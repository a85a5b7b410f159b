using MlNetEmotion.Datasets.Manifests;

namespace MlNetEmotion.Datasets.Tests;

public class ManifestValidationTests
{
    private readonly EmotionContext _ctx = new(seed: 1);

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        using var tree = new FakeTree();
        tree.Add("subject1/EEG/subject1_eeg.mat");
        tree.Add("subject1/Video/001_Trial_01_Listening_Anger.mp4");
        tree.Add("subject1/Video/002_Trial_01_Speaking_Joy.mp4");              // unknown class
        tree.Add("subject1/Audio/002_Trial_01_Speaking_Joy_aud.wav");
        tree.Add("subject1/Video/clip-final.mp4");                            // unparseable name
        tree.Add("subject2/Video/001_Trial_01_Listening_Sadness.mp4");        // subject 2 has no EEG file
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("eav.json"), tree.Root);
        Assert.False(report.IsValid);
        Assert.Equal(3, report.TrialCount);
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.BadLabel && p.Message.Contains("'Joy'"));
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.UnparseableName && p.Path == "subject1/Video/clip-final.mp4");
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.MissingFile && p.Path == "subject2/EEG/subject2_eeg.mat");
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.CountMismatch);
        var e = Assert.Throws<ManifestException>(() => _ctx.Data.LoadManifest(FakeTree.Manifest("eav.json"), tree.Root));
        Assert.Contains("clip-final.mp4", e.Message);
        Assert.Contains("subject2_eeg.mat", e.Message);
    }

    [Fact]
    public void Ratings_out_of_range_and_missing_rows_name_the_line_and_trial()
    {
        using var tree = new FakeTree();
        tree.Add("Sessions/2/Part_1_S_Trial1_emotion.bdf");
        tree.Add("Sessions/2/session.xml", "<session feltEmo=\"4\" feltArsl=\"11\" feltVlnc=\"3\"/>");
        tree.Add("Sessions/3/Part_1_S_Trial2_emotion.bdf");
        tree.Add("Sessions/3/session.xml", "<session feltEmo=\"4\" feltVlnc=\"3\"/>");
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("mahnob-hci.json"), tree.Root);
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.BadLabel && p.Message.Contains("'11'") && p.Message.Contains("[1, 9]"));
        Assert.Contains(report.Problems, p => p.Kind == ManifestProblemKind.MissingLabel && p.Path == "Sessions/3/session.xml");
    }

    [Fact]
    public void Missing_root_is_one_clear_problem()
    {
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("deap.json"), "/nonexistent/deap");
        var problem = Assert.Single(report.Problems);
        Assert.Equal(ManifestProblemKind.MissingFile, problem.Kind);
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", ", "invalid JSON")]
    [InlineData("{ \"name\": \"x\", \"trials\": {}, \"modalities\": { \"video\": { \"path\": \"a/{b.mp4\" } } }", "not closed")]
    [InlineData("{ \"name\": \"x\", \"trials\": { \"from\": \"eeg\" }, \"modalities\": { \"video\": { \"path\": \"a/{b}.mp4\" } } }", "'trials.from' must name a modality")]
    [InlineData("{ \"name\": \"x\", \"colour\": 1, \"trials\": {}, \"modalities\": {} }", "colour")]
    public void Bad_manifests_name_the_file_and_the_problem(string json, string expected)
    {
        string path = Path.Combine(Path.GetTempPath(), $"mlnemo-manifest-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<ManifestException>(() => DatasetManifest.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
        var report = _ctx.Data.ValidateManifest(path, Path.GetTempPath());
        Assert.Equal(ManifestProblemKind.Manifest, Assert.Single(report.Problems).Kind);
        File.Delete(path);
    }
}
