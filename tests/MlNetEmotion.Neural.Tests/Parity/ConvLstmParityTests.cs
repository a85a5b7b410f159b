using MlNetEmotion.Neural.Kernels;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Paper 001's peephole ConvLSTM cell over three steps against the same cell written in PyTorch 1.13 ops, with
/// the gate convolution through im2col + GEMM and through the DFT (<see cref="SpectralPlan"/>).</summary>
public sealed class ConvLstmParityTests
{
    [Fact]
    public void ConvLstmCell_three_steps_match_pytorch() => Check("convlstmcell", new ConvLSTMCell(3, 4, 3, 5, 6), null);

    [Fact]
    public void ConvLstmCell_7x7_three_steps_match_pytorch() => Check("convlstmcell_k7", new ConvLSTMCell(5, 3, 7, 8, 9), null);

    [Theory]
    [InlineData("convlstmcell", 3, 4, 3, 5, 6, true)]
    [InlineData("convlstmcell_k7", 5, 3, 7, 8, 9, true)]
    [InlineData("convlstmcell_k7", 5, 3, 7, 8, 9, false)]
    public void ConvLstmCell_matches_pytorch_on_either_gate_convolution(string fixture, int inputs, int hidden, int kernel,
        int height, int width, bool spectral)
    {
        if (spectral && !SpectralPlan.IsSupported) return;   // the spectral kernels need AVX2 + FMA
        Check(fixture, new ConvLSTMCell(inputs, hidden, kernel, height, width), spectral);
    }

    /// <summary>Three steps from the fixture's (h0, c0); <paramref name="spectral"/> null runs the cell's own choice.</summary>
    private static void Check(string fixture, ConvLSTMCell cell, bool? spectral)
    {
        var p = new ModuleParity(fixture, cell);
        var x = p.Input("x");
        var state = (p.Input("h0"), p.Input("c0"));
        var hs = new List<Tensor>();
        for (int t = 0; t < 3; t++)
        {
            var xt = x.narrow(1, t, 1).squeeze(1);
            state = spectral is { } forced
                ? ConvLstmStep.Forward(xt, state.Item1, state.Item2, cell.conv.weight, cell.conv.bias,
                    (cell.weight_ci, cell.weight_cf, cell.weight_co), spectral: forced)
                : cell.forward(xt, state);
            hs.Add(state.Item1);
        }

        p.Check(("y", torch.stack(hs, 1)), ("hn", state.Item1), ("cn", state.Item2));
    }
}
