using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>Paper 001's peephole ConvLSTM cell over three steps against the same cell written in PyTorch 1.13 ops.</summary>
public sealed class ConvLstmParityTests
{
    [Fact]
    public void ConvLstmCell_three_steps_match_pytorch()
    {
        var cell = new ConvLSTMCell(3, 4, 3, 5, 6);
        var p = new ModuleParity("convlstmcell", cell);
        var x = p.Input("x");
        var state = (p.Input("h0"), p.Input("c0"));
        var hs = new List<Tensor>();
        for (int t = 0; t < 3; t++)
        {
            state = cell.forward(x.narrow(1, t, 1).squeeze(1), state);
            hs.Add(state.Item1);
        }

        p.Check(("y", torch.stack(hs, 1)), ("hn", state.Item1), ("cn", state.Item2));
    }
}
