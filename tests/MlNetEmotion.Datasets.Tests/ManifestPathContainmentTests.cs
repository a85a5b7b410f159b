using MlNetEmotion.Datasets.Manifests;

namespace MlNetEmotion.Datasets.Tests;

/// <summary>Paths from a manifest stay inside the corpus root: '..' segments, absolute paths, field values that climb
/// out and symbolic links that point out are each refused with a <see cref="ManifestPathException"/> naming the entry.</summary>
public sealed class ManifestPathContainmentTests : IDisposable
{
    private readonly FakeTree _tree = new();
    private readonly FakeTree _outside = new();
    private readonly MLContext _ctx = new(seed: 1);

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    private static string Manifest(string eegPath = "s{subject}/t{trial}.edf", string labelFile = "labels.csv") => $$"""
        {
          "name": "Contained",
          "trials": { "enumerate": "Files", "from": "eeg", "subjectField": "subject", "trialField": "trial" },
          "fields": { "subject": "\\d+", "trial": "\\d+" },
          "modalities": { "eeg": { "path": "{{eegPath}}", "format": "edf" } },
          "labels": [ { "name": "Valence", "source": "Csv", "file": "{{labelFile}}", "column": "valence", "match": { "subject": "subject", "trial": "trial" }, "range": [1, 9] } ]
        }
        """;

    private string AddManifest(string json) => _outside.Add($"manifest-{Guid.NewGuid():N}.json", json);

    private void AddCorpus()
    {
        _tree.Add("s1/t1.edf");
        _tree.Add("s1/t2.edf");
        _tree.Add("labels.csv", "subject,trial,valence\n1,1,3\n1,2,7\n");
    }

    private ManifestPathException Refused(string manifestJson) =>
        Assert.Throws<ManifestPathException>(() => _ctx.Data.LoadManifest(AddManifest(manifestJson), _tree.Root));

    [Fact]
    public void Contained_corpus_with_an_inside_link_loads()
    {
        AddCorpus();
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "s2"), Path.Combine(_tree.Root, "s1"));
        _tree.Add("labels.csv", "subject,trial,valence\n1,1,3\n1,2,7\n2,1,4\n2,2,5\n");
        var data = _ctx.Data.LoadManifest(AddManifest(Manifest()), _tree.Root);
        Assert.Equal([3f, 7f, 4f, 5f], data.GetColumn<float>("Valence"));
    }

    [Fact]
    public void Parent_segment_in_a_modality_path_is_refused_at_load()
    {
        var e = Refused(Manifest(eegPath: "../s{subject}/t{trial}.edf"));
        Assert.Equal("modality 'eeg'", e.Entry);
        Assert.Contains("contains a '..' segment", e.Message);
    }

    [Fact]
    public void Absolute_label_file_is_refused_at_load()
    {
        var e = Refused(Manifest(labelFile: "/etc/labels.csv"));
        Assert.Equal("label 'Valence'", e.Entry);
        Assert.Contains("is absolute", e.Message);
    }

    [Fact]
    public void Folder_link_pointing_out_is_refused()
    {
        AddCorpus();
        _outside.Add("s9/t1.edf");
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "s3"), Path.Combine(_outside.Root, "s9"));
        var e = Refused(Manifest());
        Assert.Equal("modality 'eeg'", e.Entry);
        Assert.Contains("symbolic link", e.Message);
        Assert.Contains(_outside.Root, e.Message);
    }

    [Fact]
    public void Label_file_link_pointing_out_is_refused()
    {
        _tree.Add("s1/t1.edf");
        string secret = _outside.Add("secret.csv", "subject,trial,valence\n1,1,3\n");
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "labels.csv"), secret);
        var e = Refused(Manifest());
        Assert.Equal("label 'Valence'", e.Entry);
        Assert.Contains("symbolic link", e.Message);
    }

    [Fact]
    public void Field_value_that_climbs_out_is_refused()
    {
        _outside.Add("a.txt");
        var template = PathTemplate.Parse("{name}/a.txt", new Dictionary<string, string>());
        var e = Assert.Throws<ManifestPathException>(() => template.Resolve(new Dictionary<string, string> { ["name"] = "../" + Path.GetFileName(_outside.Root) }, _tree.Root));
        Assert.Contains("contains a '..' segment", e.Message);
        Assert.Throws<ManifestPathException>(() => template.Resolve(new Dictionary<string, string> { ["name"] = _outside.Root }, _tree.Root));
    }
}
