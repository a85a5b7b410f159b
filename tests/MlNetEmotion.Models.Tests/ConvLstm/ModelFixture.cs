using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Modules;
using MlNetEmotion.Neural.Serialization;

namespace MlNetEmotion.Models.Tests.ConvLstm;

/// <summary>A PyTorch 1.13 fixture from <c>tests/data/models</c> (written by <c>make_convlstm_fixtures.py</c>): state,
/// inputs, outputs, upstream gradients and the gradients of <c>Σ output ⊙ upstream</c>.</summary>
internal sealed class ModelFixture
{
    private readonly IReadOnlyDictionary<string, Tensor> tensors;

    private ModelFixture(string name)
    {
        Path = System.IO.Path.Combine(RepoRoot(), "tests", "data", "models", name + ".safetensors");
        tensors = SafeTensors.Load(Path);
    }

    /// <summary>The fixture file.</summary>
    public string Path { get; }

    /// <summary>Loads fixture <paramref name="name"/>.</summary>
    public static ModelFixture Load(string name) => new(name);

    /// <summary>Entry <paramref name="key"/> as a float32 tensor.</summary>
    public Tensor this[string key] => tensors[key];

    /// <summary>The <c>state.*</c> entries as a state dict.</summary>
    public Dictionary<string, Tensor> State => tensors.Where(kv => kv.Key.StartsWith("state.", StringComparison.Ordinal))
        .ToDictionary(kv => kv.Key["state.".Length..], kv => kv.Value);

    /// <summary>Float64 values of an F64 entry.</summary>
    public double[] F64(string key)
    {
        var (raw, _) = SafeTensors.LoadRaw(Path);
        var t = raw[key];
        Assert.Equal(SafeTensorDType.F64, t.DType);
        var values = new double[t.Data.Length / 8];
        Buffer.BlockCopy(t.Data, 0, values, 0, t.Data.Length);
        return values;
    }

    /// <summary>Loads the state into <paramref name="module"/>, runs <paramref name="forward"/> on <c>input.x</c>, checks
    /// <c>output.y</c>, backpropagates <c>Σ y ⊙ upstream.y</c> and checks every parameter's and the input's gradient, each
    /// element within <c>rel · (1 + |expected|)</c>.</summary>
    public static void CheckModule(string name, Module module, Func<Tensor, Tensor> forward, double rel = 1e-4)
    {
        var f = Load(name);
        module.load_state_dict(f.State, strict: true);
        var x = f["input.x"].requires_grad_();
        var y = forward(x);
        Assert.Equal(f["output.y"].shape, y.shape);
        AssertClose($"{name} output", f["output.y"], y, rel);
        (y * f["upstream.y"]).sum().backward();
        foreach (var (param, p) in module.named_parameters())
        {
            Assert.True(p.grad is not null, $"{name}: {param} got no gradient");
            AssertClose($"{name} grad {param}", f["grad." + param], p.grad!, rel);
        }
        AssertClose($"{name} grad input", f["grad.input.x"], x.grad!, rel);
    }

    /// <summary>Every element within <c>rel · (1 + |expected|)</c>.</summary>
    public static void AssertClose(string what, Tensor expected, Tensor actual, double rel)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        Assert.Equal(e.Length, a.Length);
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(a[i] - e[i]) <= rel * (1 + Math.Abs(e[i])), $"{what}[{i}]: expected {e[i]}, got {a[i]}");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "MlNetEmotion.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("MlNetEmotion.sln not found above " + AppContext.BaseDirectory);
    }
}
