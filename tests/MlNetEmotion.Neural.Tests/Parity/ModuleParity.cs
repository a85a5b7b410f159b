using MlNetEmotion.Neural.Modules;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// The common shape of a module parity test: load the fixture's state dict into the module, feed the inputs,
/// compare every output, run backward on <c>Σ output ⊙ upstream</c>, compare every parameter and input gradient.
/// </summary>
internal sealed class ModuleParity
{
    private readonly Dictionary<string, Tensor> inputs = new();

    /// <summary>Loads fixture <paramref name="name"/> and its state into <paramref name="module"/> (strict).</summary>
    public ModuleParity(string name, Module module)
    {
        Fixture = Fixture.Load(name);
        Module = module;
        module.load_state_dict(StateDict(Fixture), strict: true);
    }

    /// <summary>The fixture.</summary>
    public Fixture Fixture { get; }

    /// <summary>The module under test.</summary>
    public Module Module { get; }

    /// <summary>The <c>state.*</c> entries as a state dict (read with the engine's safetensors loader).</summary>
    public static Dictionary<string, Tensor> StateDict(Fixture f) => f.Keys.Where(k => k.StartsWith("state.", StringComparison.Ordinal))
        .ToDictionary(k => k["state.".Length..], f.Tensor);

    /// <summary>Input <c>input.<paramref name="name"/></c> as a leaf that requires grad (when a gradient is recorded for it).</summary>
    public Tensor Input(string name)
    {
        var t = Fixture.Tensor("input." + name);
        if (Fixture.Has("grad.input." + name)) t.requires_grad_();
        inputs[name] = t;
        return t;
    }

    /// <summary>Mask input <c>input.<paramref name="name"/></c> (stored U8) as a 0/1 float mask (non-zero = masked).</summary>
    public Tensor Mask(string name) => Fixture.Tensor("input." + name).to(ScalarType.Float32);

    /// <summary>Compares the outputs, then backpropagates <c>Σ output ⊙ upstream</c> and compares every gradient.</summary>
    public void Check(params (string name, Tensor value)[] outputs) => Check(Tolerance.Rel, outputs);

    /// <summary><see cref="Check(ValueTuple{string, Tensor}[])"/> with an explicit tolerance.</summary>
    public void Check(double rel, params (string name, Tensor value)[] outputs)
    {
        string n = Fixture.Name;
        Tensor? total = null;
        foreach (var (name, value) in outputs)
        {
            Tolerance.AssertClose($"{n} output {name}", Fixture.F32("output." + name), value.ToArray(), rel);
            Assert.Equal(Fixture.Shape("output." + name), value.shape);
            var term = value.mul(Fixture.Tensor("upstream." + name)).sum();
            total = total is null ? term : total + term;
        }

        total!.backward();
        foreach (var (name, p) in Module.named_parameters())
        {
            Assert.True(p.grad is not null, $"{n}: parameter {name} got no gradient.");
            Tolerance.AssertClose($"{n} grad {name}", Fixture.F32("grad." + name), p.grad!.ToArray(), rel);
        }

        foreach (var (name, t) in inputs.Where(kv => kv.Value.requires_grad))
        {
            Assert.True(t.grad is not null, $"{n}: input {name} got no gradient.");
            Tolerance.AssertClose($"{n} grad input {name}", Fixture.F32("grad.input." + name), t.grad!.ToArray(), rel);
        }
    }
}
