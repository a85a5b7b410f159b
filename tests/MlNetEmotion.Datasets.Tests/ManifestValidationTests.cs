using System.Globalization;
using System.Text;
using MlNetEmotion.Datasets.Manifests;

namespace MlNetEmotion.Datasets.Tests;

public class ManifestValidationTests
{
    private readonly MLContext _ctx = new(seed: 1);

    /// <summary>An EAV copy with four kinds of fault: a browser's duplicate download (unparseable), a clip of an unknown
    /// class, a subject without its EEG file, and far fewer subjects and clips than the corpus has.</summary>
    [Fact]
    public void All_problems_are_reported_at_once_each_with_its_path()
    {
        using var tree = new FakeTree();
        tree.Add("subject1/EEG/subject1_eeg.mat");
        tree.Add("subject1/Video/001_Trial_01_Listening_Neutral.mp4");
        tree.Add("subject1/Video/001_Trial_01_Listening_Neutral (1).mp4");
        tree.Add("subject1/Video/002_Trial_02_Speaking_Neutral.mp4");
        tree.Add("subject1/Audio/002_Trial_01_Speaking_Neutral_Aud.wav");
        tree.Add("subject1/Video/003_Trial_03_Listening_Joy.mp4");
        tree.Add("subject2/Video/001_Trial_01_Listening_Sadness.mp4");
        tree.Add("subject2/Video/002_Trial_02_Speaking_Sadness.mp4");
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("eav.json"), tree.Root);
        Assert.Equal(5, report.TrialCount);
        Assert.Equal(
        [
            "UnparseableName: subject1/Video/001_Trial_01_Listening_Neutral (1).mp4: does not match 'subject{subject}/Video/{num}_Trial_{repeat}_{task}_{emotion}.mp4'.",
            "BadLabel: subject1/Video/003_Trial_03_Listening_Joy.mp4: 'Emotion' value 'Joy' is not one of Neutral, Anger, Happiness, Sadness, Calmness.",
            "MissingFile: subject2/EEG/subject2_eeg.mat: the eeg file of subject 2, trial 001 is missing.",
            "MissingFile: subject2/EEG/subject2_eeg.mat: the eeg file of subject 2, trial 002 is missing.",
            "CountMismatch: .: 2 subjects found, 42 expected.",
            "CountMismatch: .: subject 1 has 3 trials, 200 expected.",
            "CountMismatch: .: subject 2 has 2 trials, 200 expected.",
        ], report.Problems.Select(p => p.ToString()));
        var e = Assert.Throws<ManifestException>(() => _ctx.Data.LoadManifest(FakeTree.Manifest("eav.json"), tree.Root));
        Assert.Contains("4 problem(s)", e.Message);                          // count mismatches only warn on load
        Assert.Contains("Neutral (1).mp4", e.Message);
        Assert.Contains("subject2_eeg.mat", e.Message);
    }

    /// <summary>A DEAP copy of two participants whose ratings table has a value off the 1..9 scale, an empty cell and a
    /// missing row, in the real column layout (Familiarity empty for the first participants).</summary>
    [Fact]
    public void Deap_ratings_problems_name_the_line_subject_and_trial()
    {
        using var tree = new FakeTree();
        var csv = new StringBuilder("Participant_id,Trial,Experiment_id,Start_time,Valence,Arousal,Dominance,Liking,Familiarity\r\n");
        for (int s = 1; s <= 2; s++)
        {
            tree.Add($"data_preprocessed_matlab/s{s:00}.mat");
            for (int t = 1; t <= (s == 2 ? 39 : 40); t++)
            {
                string valence = s == 1 && t == 5 ? "9.5" : "6.04";
                string arousal = s == 1 && t == 6 ? "" : "3.5";
                csv.Append(CultureInfo.InvariantCulture, $"{s},{t},{t},{t * 70_000_000},{valence},{arousal},5,7.1,\r\n");
            }
        }
        tree.Add("metadata_csv/participant_ratings.csv", csv.ToString());
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("deap.json"), tree.Root);
        Assert.Equal(79, report.TrialCount);
        Assert.Equal(
        [
            "BadLabel: metadata_csv/participant_ratings.csv line 6: 'Valence' value '9.5' of subject 1, trial 5 is not a number in [1, 9].",
            "BadLabel: metadata_csv/participant_ratings.csv line 7: 'Arousal' value '' of subject 1, trial 6 is not a number in [1, 9].",
            "CountMismatch: .: 2 subjects found, 32 expected.",
            "CountMismatch: .: subject 2 has 39 trials, 40 expected.",
        ], report.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AffWild_frame_values_are_read_and_checked_by_validation_only()
    {
        using var tree = new FakeTree();
        tree.Add("videos/train/105.avi");
        tree.Add("videos/train/212.mp4");
        tree.Add("annotations/train/valence/105.txt", "0.1\n-0.25\n1.2\n");
        tree.Add("annotations/train/arousal/105.txt", "0.3\n0.3\n0.2\n");
        tree.Add("annotations/train/arousal/212.txt", "0\nbad\n");
        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("aff-wild.json"), tree.Root);
        Assert.Equal(
        [
            "BadLabel: annotations/train/valence/105.txt: 'Valence' value 1.2 of frame 3 is not in [-1, 1] (1 of 3 frames are outside).",
            "MissingFile: annotations/train/valence/212.txt: the 'Valence' frame labels of subject 212, trial 212 are missing.",
            $"BadLabel: annotations/train/arousal/212.txt: {Path.Combine(tree.Root, "annotations/train/arousal/212.txt")} line 2: 'bad' is not a finite number.",
        ], report.Problems.Select(p => p.ToString()));
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
