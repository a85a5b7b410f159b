using System.Globalization;
using System.Text;
using MlNetEmotion.Data;
using MlNetEmotion.Datasets.Manifests;
using MlNetEmotion.Splitting;

namespace MlNetEmotion.Datasets.Tests;

public class ManifestLoadingTests
{
    private readonly MLContext _ctx = new(seed: 1);

    [Fact]
    public void Deap_grid_joins_ratings_and_names_face_videos_by_presentation_order()
    {
        using var tree = new FakeTree();
        var csv = new StringBuilder("Participant_id,Trial,Experiment_id,Start_time,Valence,Arousal,Dominance,Liking,Familiarity\n");
        for (int s = 1; s <= 32; s++)
        {
            tree.Add($"data_preprocessed_matlab/s{s:00}.mat");
            var order = Enumerable.Range(1, 40).ToArray();
            new Random(s).Shuffle(order);   // presentation order differs from video order per participant
            for (int presentation = 1; presentation <= 40; presentation++)
            {
                int experiment = order[presentation - 1];
                csv.Append(CultureInfo.InvariantCulture, $"{s},{presentation},{experiment},0,{1 + (s + experiment) % 9},{1 + experiment % 8.5:F2},5,5,1\n");
                if (s <= 22) tree.Add($"face_video/s{s:00}/s{s:00}_trial{presentation:00}.avi");
            }
        }
        tree.Add("metadata_csv/participant_ratings.csv", csv.ToString());

        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("deap.json"), tree.Root);
        Assert.Equal(1280, data.GetRowCount());
        var subject = data.GetColumn<string>("Subject").ToArray();
        var trial = data.GetColumn<string>("Trial").ToArray();
        var valence = data.GetColumn<float>("Valence").ToArray();
        var video = data.GetColumn<string>("VideoPath").ToArray();
        var presentationTrial = data.GetColumn<float>("PresentationTrial").ToArray();
        var index = data.GetColumn<int>("EegTrialIndex").ToArray();
        var eeg = data.GetColumn<string>("EegPath").ToArray();
        int row = 5 * 40 + 6;    // subject 6, experiment 7
        Assert.Equal("6", subject[row]);
        Assert.Equal("7", trial[row]);
        Assert.Equal(7, index[row]);
        Assert.Equal(1 + (6 + 7) % 9, valence[row]);
        Assert.EndsWith($"face_video/s06/s06_trial{(int)presentationTrial[row]:00}.avi", video[row]);
        Assert.EndsWith("data_preprocessed_matlab/s06.mat", eeg[row]);
        Assert.Equal("", video[25 * 40]);                      // subject 26 has no face video
        Assert.Equal(string.Empty, data.GetColumn<string>("EegRawPath").First());   // raw BDF is optional
        var split = DatasetManifest.Load(FakeTree.Manifest("deap.json")).CreateSplitter(seed: 3);
        Assert.IsType<GroupRatioSplitter>(split);
    }

    /// <summary>EAV as released: subject1..subjectN (no padding), the video's Trial_NN counting 01..20 within each block,
    /// the audio's Trial_NN counting speaking clips only and its suffix _Aud (some copies _aud), the label .mat beside the
    /// EEG .mat.</summary>
    [Fact]
    public void Eav_names_give_emotion_keys_and_the_audio_of_each_speaking_clip_by_its_number()
    {
        using var tree = new FakeTree();
        string[] emotions = ["Neutral", "Anger", "Happiness", "Sadness", "Calmness"];
        for (int s = 1; s <= 2; s++)
        {
            tree.Add($"subject{s}/EEG/subject{s}_eeg.mat");
            tree.Add($"subject{s}/EEG/subject{s}_eeg_label.mat");
            for (int n = 1; n <= 20; n++)
            {
                string name = emotions[(n - 1) / 2 % 5];
                string taskName = n % 2 == 0 ? "Speaking" : "Listening";
                tree.Add($"subject{s}/Video/{n:000}_Trial_{(n - 1) % 20 + 1:00}_{taskName}_{name}.mp4");
                if (taskName == "Speaking") tree.Add($"subject{s}/Audio/{n:000}_Trial_{n / 2:00}_Speaking_{name}_{(s == 1 ? "Aud" : "aud")}.wav");
            }
        }
        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("eav.json"), tree.Root);
        Assert.Equal(40, data.GetRowCount());
        Assert.Equal(emotions, KeyColumns.ClassNames(data.Schema["Emotion"]));
        var emotion = data.GetColumn<uint>("Emotion").ToArray();
        var task = data.GetColumn<uint>("Task").ToArray();
        var audio = data.GetColumn<string>("AudioPath").ToArray();
        var trial = data.GetColumn<string>("Trial").ToArray();
        var index = data.GetColumn<int>("EegTrialIndex").ToArray();
        Assert.Equal("001", trial[0]);
        Assert.Equal(1, index[0]);
        Assert.Equal(20, index[39]);
        Assert.Equal(1u, emotion[0]);                                   // 001 -> Neutral
        Assert.Equal(5u, emotion[19]);                                  // 020 -> Calmness
        Assert.EndsWith("subject1/Audio/004_Trial_02_Speaking_Anger_Aud.wav", audio[3]);
        Assert.EndsWith("subject2/Audio/020_Trial_10_Speaking_Calmness_aud.wav", audio[39]);
        for (int i = 0; i < 40; i++) Assert.Equal(task[i] == 2, audio[i].Length > 0);   // key 2 = Speaking
        Assert.EndsWith("subject2/EEG/subject2_eeg.mat", data.GetColumn<string>("EegPath").Last());

        var report = _ctx.Data.ValidateManifest(FakeTree.Manifest("eav.json"), tree.Root);
        Assert.Equal(
            ["CountMismatch: .: 2 subjects found, 42 expected.", "CountMismatch: .: subject 1 has 20 trials, 200 expected.", "CountMismatch: .: subject 2 has 20 trials, 200 expected."],
            report.Problems.Select(p => p.ToString()));
    }

    /// <summary>Both ways the Zenodo zips end up on disk: all unpacked into one root (Actor_NN holds the AV, video-only
    /// and audio files together, and song files when those zips were unpacked too), or each zip into its own folder.</summary>
    [Fact]
    public void Ravdess_code_maps_to_emotion_and_finds_the_audio_twin_in_either_unpacked_layout()
    {
        using var tree = new FakeTree();
        tree.Add("Actor_01/01-01-01-01-01-01-01.mp4");
        tree.Add("Actor_01/02-01-01-01-01-01-01.mp4");                      // video-only twin: not a row
        tree.Add("Actor_01/03-01-01-01-01-01-01.wav");
        tree.Add("Actor_01/01-02-03-01-01-01-01.mp4");                      // song: not a row
        tree.Add("Actor_01/03-02-03-01-01-01-01.wav");
        tree.Add("Video_Speech_Actor_07/Actor_07/01-01-03-02-01-02-07.mp4");
        tree.Add("Video_Speech_Actor_07/Actor_07/01-01-08-01-02-01-07.mp4");
        tree.Add("Video_Speech_Actor_07/Actor_07/02-01-08-01-02-01-07.mp4");
        tree.Add("Audio_Speech_Actors_01-24/Actor_07/03-01-03-02-01-02-07.wav");
        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("ravdess.json"), tree.Root);
        Assert.Equal(3, data.GetRowCount());
        Assert.Equal(new uint[] { 1, 3, 8 }, data.GetColumn<uint>("Emotion"));
        Assert.Equal(new uint[] { 1, 2, 1 }, data.GetColumn<uint>("Intensity"));
        Assert.Equal(["01", "07", "07"], data.GetColumn<string>("Subject"));
        Assert.Equal(["", "Video_Speech_Actor_07/", "Video_Speech_Actor_07/"], data.GetColumn<string>("VideoFolder"));
        var audio = data.GetColumn<string>("AudioPath").ToArray();
        Assert.EndsWith("/Actor_01/03-01-01-01-01-01-01.wav", audio[0]);
        Assert.EndsWith("Audio_Speech_Actors_01-24/Actor_07/03-01-03-02-01-02-07.wav", audio[1]);
        Assert.Equal("", audio[2]);
        Assert.True(_ctx.Data.ValidateManifest(FakeTree.Manifest("ravdess.json"), tree.Root).Problems.All(p => p.Kind == ManifestProblemKind.CountMismatch));
    }

    [Fact]
    public void Mahnob_reads_felt_ratings_and_emotion_from_session_xml_and_matches_the_video_by_pattern()
    {
        using var tree = new FakeTree();
        tree.Add("Sessions/2/Part_1_S_Trial1_emotion.bdf");
        tree.Add("Sessions/2/session.xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<session cutNum=\"1\" feltEmo=\"4\" feltArsl=\"7\" feltVlnc=\"3\" feltCtrl=\"5\" feltPred=\"5\" isStim=\"1\"><subject id=\"1\"/></session>");
        tree.Add("Sessions/2/P1-Rec1-2009.07.09.17.53.46_C1 trigger _C_Section_2.avi");
        tree.Add("Sessions/2/P1-Rec1-2009.07.09.17.53.46_C2 trigger _BW_Section_2.avi");   // another camera
        tree.Add("Sessions/4/Part_1_S_Trial2_emotion.bdf");
        tree.Add("Sessions/4/session.xml", "<session feltEmo=\"12\" feltArsl=\"2\" feltVlnc=\"8\"/>");
        tree.Add("Sessions/1000/Part_1_N_Trial1_other.bdf");                 // a BDF that is not an emotion recording: skipped
        tree.Add("Sessions/1000/session.xml", "<session isStim=\"0\"/>");
        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("mahnob-hci.json"), tree.Root);
        Assert.Equal(new float[] { 3, 8 }, data.GetColumn<float>("Valence"));
        Assert.Equal(new float[] { 7, 2 }, data.GetColumn<float>("Arousal"));
        var classes = KeyColumns.ClassNames(data.Schema["FeltEmotion"]);
        Assert.Equal(["Joy", "Anxiety"], data.GetColumn<uint>("FeltEmotion").Select(k => classes[k - 1]));
        var video = data.GetColumn<string>("VideoPath").ToArray();
        Assert.EndsWith("_C1 trigger _C_Section_2.avi", video[0]);
        Assert.Equal("", video[1]);
        Assert.Equal(["2", "4"], data.GetColumn<string>("Trial"));
        Assert.Equal(["1", "1"], data.GetColumn<string>("Subject"));
    }

    /// <summary>eNTERFACE'05 as released: "subject N" folders with a space and no subject 6, sentence folders that some
    /// emotions lack or nest one level deeper, and an irregular file name (s_3_...).</summary>
    [Fact]
    public void Enterface_emotion_comes_from_the_folder_whatever_lies_below_it()
    {
        using var tree = new FakeTree();
        tree.Add("subject 1/anger/sentence 1/s1_an_1.avi");
        tree.Add("subject 1/anger/sentence 2/s1_an_2.avi");
        tree.Add("subject 3/fear/sentence 2/s_3_fe_2.avi");
        tree.Add("subject 5/happiness/s5_ha_1.avi");                              // no sentence folder
        tree.Add("subject 7/happiness/sentence 3/s7_ha_3/s7_ha_3.avi");            // one folder deeper
        tree.Add("subject 12/surprise/sentence 5/s12_su_5.avi");
        tree.Add("subject 12/surprise/sentence 5/s12_su_5.wav");                  // audio extracted beside it: not a row
        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("enterface05.json"), tree.Root);
        Assert.Equal(["1", "1", "3", "5", "7", "12"], data.GetColumn<string>("Subject"));
        Assert.Equal(new uint[] { 1, 1, 3, 4, 4, 6 }, data.GetColumn<uint>("Emotion"));
        Assert.Equal(["s1_an_1", "s1_an_2", "s_3_fe_2", "s5_ha_1", "s7_ha_3", "s12_su_5"], data.GetColumn<string>("Trial"));
        Assert.Equal(["sentence 1/", "sentence 2/", "sentence 2/", "", "sentence 3/s7_ha_3/", "sentence 5/"], data.GetColumn<string>("Folder"));
        Assert.Empty(_ctx.Data.ValidateManifest(FakeTree.Manifest("enterface05.json"), tree.Root).Problems);
        Assert.IsType<StratifiedKFoldSplitter>(DatasetManifest.Load(FakeTree.Manifest("enterface05.json")).CreateSplitter(1));
    }

    [Fact]
    public void AffWild_frame_labels_are_read_lazily_per_video()
    {
        using var tree = new FakeTree();
        tree.Add("videos/train/105.mp4");
        tree.Add("videos/train/212.avi");
        tree.Add("annotations/train/valence/105.txt", "0.1\n-0.25\n0.5\n");
        tree.Add("annotations/train/arousal/105.txt", "0.3\n0.3\n0.2\n");
        tree.Add("annotations/train/valence/212.txt", "-1\n1\n");
        tree.Add("annotations/train/arousal/212.txt", "0\nbad\n");
        var data = _ctx.Data.LoadManifest(FakeTree.Manifest("aff-wild.json"), tree.Root);
        Assert.IsType<VectorDataViewType>(data.Schema["Valence"].Type);
        var valence = data.GetColumn<float[]>("Valence").ToArray();
        Assert.Equal([0.1f, -0.25f, 0.5f], valence[0]);
        Assert.Equal([-1f, 1f], valence[1]);
        var e = Assert.Throws<DataValidationException>(() => data.GetColumn<float[]>("Arousal").ToArray());
        Assert.Contains("212.txt line 2", e.Message);
    }

    [Fact]
    public void Every_shipped_manifest_reads_and_names_a_protocol()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data-manifests"), "*.json").Where(f => !f.EndsWith("schema.json")).ToArray();
        Assert.True(files.Length >= 6);
        foreach (var f in files)
        {
            var m = DatasetManifest.Load(f);
            Assert.False(string.IsNullOrEmpty(m.Obtain), f);
            Assert.NotNull(m.CreateSplitter(1));
        }
    }
}
