using MlNetEmotion.Neural.Autograd;
using MlNetEmotion.Neural.Kernels;

namespace MlNetEmotion.Neural;

/// <summary>
/// Entry point named after TorchSharp's <c>torch</c>: tensor factories, random numbers, grad mode, threads,
/// and the nested <c>nn</c>, <c>optim</c> and <c>autograd</c> namespaces-as-classes.
/// </summary>
public static partial class torch
{
    /// <summary><c>torch.float32</c>.</summary>
    public const ScalarType float32 = ScalarType.Float32;

    /// <summary><c>torch.int64</c>.</summary>
    public const ScalarType int64 = ScalarType.Int64;

    /// <summary>The generator used when none is passed (seed it with <see cref="manual_seed"/>).</summary>
    public static Generator default_generator { get; } = new(0);

    /// <summary>Re-seeds the default generator; returns it.</summary>
    public static Generator manual_seed(long seed) => default_generator.manual_seed(seed);

    /// <summary>Scope with gradient recording off: <c>using (torch.no_grad()) { ... }</c>.</summary>
    public static GradModeScope no_grad() => new(false);

    /// <summary>Scope with gradient recording on (inside a <see cref="no_grad"/> block).</summary>
    public static GradModeScope enable_grad() => new(true);

    /// <summary>Whether ops currently record on the tape.</summary>
    public static bool is_grad_enabled() => GradMode.IsEnabled;

    /// <summary>Sets the threads the kernels may use (<see cref="Threading.NumThreads"/>); results do not depend on it.</summary>
    public static void set_num_threads(int threads) => Threading.NumThreads = threads;

    /// <summary>Threads the kernels may use.</summary>
    public static int get_num_threads() => Threading.NumThreads;

    /// <summary>Tensor of zeros.</summary>
    public static Tensor zeros(params long[] shape) => new(new float[Shapes.CheckedNumel(shape, "zeros")], (long[])shape.Clone());

    /// <summary>Tensor of ones.</summary>
    public static Tensor ones(params long[] shape) => full(shape, 1f);

    /// <summary>Uninitialised tensor (contents unspecified).</summary>
    public static Tensor empty(params long[] shape) => new(GC.AllocateUninitializedArray<float>(Shapes.CheckedNumel(shape, "empty")), (long[])shape.Clone());

    /// <summary>Tensor filled with <paramref name="value"/>.</summary>
    public static Tensor full(long[] shape, float value)
    {
        var d = GC.AllocateUninitializedArray<float>(Shapes.CheckedNumel(shape, "full"));
        d.AsSpan().Fill(value);
        return new Tensor(d, (long[])shape.Clone());
    }

    /// <summary>Zeros shaped like <paramref name="t"/>.</summary>
    public static Tensor zeros_like(Tensor t) => zeros(t.shape);

    /// <summary>Ones shaped like <paramref name="t"/>.</summary>
    public static Tensor ones_like(Tensor t) => ones(t.shape);

    /// <summary>Tensor shaped like <paramref name="t"/> filled with <paramref name="value"/>.</summary>
    public static Tensor full_like(Tensor t, float value) => full(t.shape, value);

    /// <summary>Standard normals shaped like <paramref name="t"/>.</summary>
    public static Tensor randn_like(Tensor t, Generator? generator = null) => randn(t.shape, generator);

    /// <summary>Uniform [0, 1) values shaped like <paramref name="t"/>.</summary>
    public static Tensor rand_like(Tensor t, Generator? generator = null) => rand(t.shape, generator);

    /// <summary>Float tensor holding a copy of <paramref name="data"/>; shape defaults to 1-D.</summary>
    public static Tensor tensor(float[] data, params long[] shape)
    {
        var s = shape.Length == 0 ? [data.Length] : (long[])shape.Clone();
        if (Shapes.CheckedNumel(s, "tensor") != data.Length)
            throw new ShapeMismatchException("tensor", [data.Length], s, "data length must equal the shape's element count");
        return new Tensor((float[])data.Clone(), s);
    }

    /// <summary>Int64 tensor holding a copy of <paramref name="data"/>; shape defaults to 1-D.</summary>
    public static Tensor tensor(long[] data, params long[] shape)
    {
        var s = shape.Length == 0 ? [data.Length] : (long[])shape.Clone();
        if (Shapes.CheckedNumel(s, "tensor") != data.Length)
            throw new ShapeMismatchException("tensor", [data.Length], s, "data length must equal the shape's element count");
        return new Tensor((long[])data.Clone(), s);
    }

    /// <summary>0-d float tensor.</summary>
    public static Tensor tensor(float value) => new([value], []);

    /// <summary>Float tensor from a 2-D array.</summary>
    public static Tensor tensor(float[,] data)
    {
        int r = data.GetLength(0), c = data.GetLength(1);
        var d = new float[r * c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) d[i * c + j] = data[i, j];
        return new Tensor(d, [r, c]);
    }

    /// <summary>Values start, start+step, … below end (float32).</summary>
    public static Tensor arange(float start, float end, float step = 1)
    {
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), "arange: step must be non-zero.");
        int n = Math.Max(0, (int)Math.Ceiling((end - (double)start) / step));
        var d = new float[n];
        for (int i = 0; i < n; i++) d[i] = (float)(start + (double)i * step);
        return new Tensor(d, [n]);
    }

    /// <summary>0, 1, …, end-1 as float32.</summary>
    public static Tensor arange(long end) => arange(0, end);

    /// <summary>Standard-normal samples from the default generator.</summary>
    public static Tensor randn(params long[] shape) => randn(shape, null);

    /// <summary>Standard-normal samples from <paramref name="generator"/> (default generator when null).</summary>
    public static Tensor randn(long[] shape, Generator? generator)
    {
        var g = generator ?? default_generator;
        var d = new float[Shapes.CheckedNumel(shape, "randn")];
        for (int i = 0; i < d.Length; i++) d[i] = (float)g.NextNormal();
        return new Tensor(d, (long[])shape.Clone());
    }

    /// <summary>Uniform samples in [0, 1) from the default generator.</summary>
    public static Tensor rand(params long[] shape) => rand(shape, null);

    /// <summary>Uniform samples in [0, 1) from <paramref name="generator"/>.</summary>
    public static Tensor rand(long[] shape, Generator? generator)
    {
        var g = generator ?? default_generator;
        var d = new float[Shapes.CheckedNumel(shape, "rand")];
        for (int i = 0; i < d.Length; i++) d[i] = g.NextFloat();
        return new Tensor(d, (long[])shape.Clone());
    }

    /// <summary>Int64 samples uniform in [0, high).</summary>
    public static Tensor randint(long high, long[] shape, Generator? generator = null) => randint(0, high, shape, generator);

    /// <summary>Int64 samples uniform in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] shape, Generator? generator = null)
    {
        var g = generator ?? default_generator;
        var d = new long[Shapes.CheckedNumel(shape, "randint")];
        for (int i = 0; i < d.Length; i++) d[i] = g.NextInt64(low, high);
        return new Tensor(d, (long[])shape.Clone());
    }

    /// <summary>A random permutation of 0..n-1 (int64), Fisher–Yates.</summary>
    public static Tensor randperm(long n, Generator? generator = null)
    {
        var g = generator ?? default_generator;
        var d = new long[n];
        for (int i = 0; i < n; i++) d[i] = i;
        for (long i = n - 1; i > 0; i--)
        {
            long j = g.NextInt64(0, i + 1);
            (d[i], d[j]) = (d[j], d[i]);
        }
        return new Tensor(d, [n]);
    }

    /// <summary>Saves named tensors (e.g. a state dict) as a safetensors file.</summary>
    public static void save(IEnumerable<KeyValuePair<string, Tensor>> tensors, string path) => Serialization.SafeTensors.Save(path, tensors);

    /// <summary>Loads named tensors from a safetensors file.</summary>
    public static OrderedDictionary<string, Tensor> load(string path) => Serialization.SafeTensors.Load(path);

    /// <summary><c>torch.matmul</c>.</summary>
    public static Tensor matmul(Tensor a, Tensor b) => a.matmul(b);

    /// <summary><c>torch.exp</c>.</summary>
    public static Tensor exp(Tensor x) => x.exp();

    /// <summary><c>torch.log</c>.</summary>
    public static Tensor log(Tensor x) => x.log();

    /// <summary><c>torch.sqrt</c>.</summary>
    public static Tensor sqrt(Tensor x) => x.sqrt();

    /// <summary><c>torch.tanh</c>.</summary>
    public static Tensor tanh(Tensor x) => x.tanh();

    /// <summary><c>torch.sigmoid</c>.</summary>
    public static Tensor sigmoid(Tensor x) => x.sigmoid();

    /// <summary><c>torch.relu</c>.</summary>
    public static Tensor relu(Tensor x) => x.relu();

    /// <summary><c>torch.maximum</c>.</summary>
    public static Tensor maximum(Tensor a, Tensor b) => a.maximum(b);

    /// <summary><c>torch.minimum</c>.</summary>
    public static Tensor minimum(Tensor a, Tensor b) => a.minimum(b);
}
