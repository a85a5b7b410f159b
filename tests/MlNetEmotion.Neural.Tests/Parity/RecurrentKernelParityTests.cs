using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>
/// The fused LSTM / GRU kernels against PyTorch 1.13 (fixtures lstm_2layer_*, gru_2layer_*): two layers chained by
/// hand, forward outputs and every gradient, tolerance <see cref="Tolerance.Rel"/>.
/// </summary>
public sealed class RecurrentKernelParityTests
{
    [Theory]
    [InlineData("lstm_2layer_init")]
    [InlineData("lstm_2layer_noinit")]
    public void Lstm_two_layers_match_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var (batch, steps, input) = Dims3(f.Shape("input.x"));
        int hidden = int.Parse(f.Metadata["hidden_size"]), layers = 2;
        var layout = new SequenceLayout(batch, steps, BatchFirst: true);
        int state = batch * hidden;
        float[] h0 = f.Has("input.h0") ? f.F32("input.h0") : new float[layers * state];
        float[] c0 = f.Has("input.c0") ? f.F32("input.c0") : new float[layers * state];
        var xs = new float[layers + 1][];
        var tapes = new LstmKernel.Tape[layers];
        xs[0] = f.F32("input.x");
        for (int l = 0; l < layers; l++)
        {
            xs[l + 1] = new float[layout.Rows * hidden];
            tapes[l] = LstmKernel.Forward(layout, l == 0 ? input : hidden, hidden, xs[l], h0.AsSpan(l * state, state),
                c0.AsSpan(l * state, state), f.F32($"state.weight_ih_l{l}"), f.F32($"state.weight_hh_l{l}"),
                f.F32($"state.bias_ih_l{l}"), f.F32($"state.bias_hh_l{l}"), xs[l + 1]);
        }

        Tolerance.AssertClose($"{name} y", f.F32("output.y"), xs[layers]);
        var hn = new float[layers * state];
        var cn = new float[layers * state];
        for (int l = 0; l < layers; l++)
        {
            layout.CopyStep(xs[l + 1], hidden, steps - 1, hn.AsSpan(l * state));
            layout.CopyStep(tapes[l].Cells, hidden, steps - 1, cn.AsSpan(l * state));
        }

        Tolerance.AssertClose($"{name} hn", f.F32("output.hn"), hn);
        Tolerance.AssertClose($"{name} cn", f.F32("output.cn"), cn);

        float[] dy = f.F32("upstream.y"), upHn = f.F32("upstream.hn"), upCn = f.F32("upstream.cn");
        var dh0 = new float[layers * state];
        var dc0 = new float[layers * state];
        for (int l = layers - 1; l >= 0; l--)
        {
            int inSize = l == 0 ? input : hidden;
            var dx = new float[layout.Rows * inSize];
            var dWIh = new float[4 * hidden * inSize];
            var dWHh = new float[4 * hidden * hidden];
            var dBIh = new float[4 * hidden];
            var dBHh = new float[4 * hidden];
            LstmKernel.Backward(layout, inSize, hidden, tapes[l], xs[l], h0.AsSpan(l * state, state), c0.AsSpan(l * state, state),
                f.F32($"state.weight_ih_l{l}"), f.F32($"state.weight_hh_l{l}"), xs[l + 1], dy, upHn.AsSpan(l * state, state),
                upCn.AsSpan(l * state, state), dx, dh0.AsSpan(l * state, state), dc0.AsSpan(l * state, state), dWIh, dWHh, dBIh, dBHh);
            Tolerance.AssertClose($"{name} grad weight_ih_l{l}", f.F32($"grad.weight_ih_l{l}"), dWIh);
            Tolerance.AssertClose($"{name} grad weight_hh_l{l}", f.F32($"grad.weight_hh_l{l}"), dWHh);
            Tolerance.AssertClose($"{name} grad bias_ih_l{l}", f.F32($"grad.bias_ih_l{l}"), dBIh);
            Tolerance.AssertClose($"{name} grad bias_hh_l{l}", f.F32($"grad.bias_hh_l{l}"), dBHh);
            dy = dx;
        }

        Tolerance.AssertClose($"{name} grad x", f.F32("grad.input.x"), dy);
        if (f.Has("grad.input.h0"))
        {
            Tolerance.AssertClose($"{name} grad h0", f.F32("grad.input.h0"), dh0);
            Tolerance.AssertClose($"{name} grad c0", f.F32("grad.input.c0"), dc0);
        }
    }

    [Theory]
    [InlineData("gru_2layer_init")]
    [InlineData("gru_2layer_noinit")]
    public void Gru_two_layers_match_pytorch(string name)
    {
        var f = Fixture.Load(name);
        var (batch, steps, input) = Dims3(f.Shape("input.x"));
        int hidden = int.Parse(f.Metadata["hidden_size"]), layers = 2;
        var layout = new SequenceLayout(batch, steps, BatchFirst: true);
        int state = batch * hidden;
        float[] h0 = f.Has("input.h0") ? f.F32("input.h0") : new float[layers * state];
        var xs = new float[layers + 1][];
        var tapes = new GruKernel.Tape[layers];
        xs[0] = f.F32("input.x");
        for (int l = 0; l < layers; l++)
        {
            xs[l + 1] = new float[layout.Rows * hidden];
            tapes[l] = GruKernel.Forward(layout, l == 0 ? input : hidden, hidden, xs[l], h0.AsSpan(l * state, state),
                f.F32($"state.weight_ih_l{l}"), f.F32($"state.weight_hh_l{l}"),
                f.F32($"state.bias_ih_l{l}"), f.F32($"state.bias_hh_l{l}"), xs[l + 1]);
        }

        Tolerance.AssertClose($"{name} y", f.F32("output.y"), xs[layers]);
        var hn = new float[layers * state];
        for (int l = 0; l < layers; l++) layout.CopyStep(xs[l + 1], hidden, steps - 1, hn.AsSpan(l * state));
        Tolerance.AssertClose($"{name} hn", f.F32("output.hn"), hn);

        float[] dy = f.F32("upstream.y"), upHn = f.F32("upstream.hn");
        var dh0 = new float[layers * state];
        for (int l = layers - 1; l >= 0; l--)
        {
            int inSize = l == 0 ? input : hidden;
            var dx = new float[layout.Rows * inSize];
            var dWIh = new float[3 * hidden * inSize];
            var dWHh = new float[3 * hidden * hidden];
            var dBIh = new float[3 * hidden];
            var dBHh = new float[3 * hidden];
            GruKernel.Backward(layout, inSize, hidden, tapes[l], xs[l], h0.AsSpan(l * state, state),
                f.F32($"state.weight_ih_l{l}"), f.F32($"state.weight_hh_l{l}"), xs[l + 1], dy, upHn.AsSpan(l * state, state),
                dx, dh0.AsSpan(l * state, state), dWIh, dWHh, dBIh, dBHh);
            Tolerance.AssertClose($"{name} grad weight_ih_l{l}", f.F32($"grad.weight_ih_l{l}"), dWIh);
            Tolerance.AssertClose($"{name} grad weight_hh_l{l}", f.F32($"grad.weight_hh_l{l}"), dWHh);
            Tolerance.AssertClose($"{name} grad bias_ih_l{l}", f.F32($"grad.bias_ih_l{l}"), dBIh);
            Tolerance.AssertClose($"{name} grad bias_hh_l{l}", f.F32($"grad.bias_hh_l{l}"), dBHh);
            dy = dx;
        }

        Tolerance.AssertClose($"{name} grad x", f.F32("grad.input.x"), dy);
        if (f.Has("grad.input.h0")) Tolerance.AssertClose($"{name} grad h0", f.F32("grad.input.h0"), dh0);
    }

    private static (int, int, int) Dims3(long[] shape) => ((int)shape[0], (int)shape[1], (int)shape[2]);
}
