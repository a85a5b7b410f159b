using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural.Tests.Parity;

/// <summary>LSTM, GRU, LSTMCell and GRUCell modules against PyTorch 1.13 (state dict names, outputs, all gradients).</summary>
public sealed class RecurrentParityTests
{
    [Fact]
    public void Lstm_with_initial_states_matches_pytorch()
    {
        var p = new ModuleParity("lstm_2layer_init", new LSTM(5, 6, num_layers: 2, batch_first: true));
        var (y, hn, cn) = ((LSTM)p.Module).forward(p.Input("x"), (p.Input("h0"), p.Input("c0")));
        p.Check(("y", y), ("hn", hn), ("cn", cn));
    }

    [Fact]
    public void Lstm_without_initial_states_matches_pytorch()
    {
        var p = new ModuleParity("lstm_2layer_noinit", new LSTM(5, 6, num_layers: 2, batch_first: true));
        var (y, hn, cn) = ((LSTM)p.Module).forward(p.Input("x"));
        p.Check(("y", y), ("hn", hn), ("cn", cn));
    }

    [Fact]
    public void Gru_with_initial_state_matches_pytorch()
    {
        var p = new ModuleParity("gru_2layer_init", new GRU(5, 6, num_layers: 2, batch_first: true));
        var (y, hn) = ((GRU)p.Module).forward(p.Input("x"), p.Input("h0"));
        p.Check(("y", y), ("hn", hn));
    }

    [Fact]
    public void Gru_without_initial_state_matches_pytorch()
    {
        var p = new ModuleParity("gru_2layer_noinit", new GRU(5, 6, num_layers: 2, batch_first: true));
        var (y, hn) = ((GRU)p.Module).forward(p.Input("x"));
        p.Check(("y", y), ("hn", hn));
    }

    [Fact]
    public void LstmCell_matches_pytorch()
    {
        var p = new ModuleParity("lstmcell", new LSTMCell(5, 6));
        var (h, c) = ((LSTMCell)p.Module).forward(p.Input("x"), (p.Input("h0"), p.Input("c0")));
        p.Check(("h", h), ("c", c));
    }

    [Fact]
    public void GruCell_matches_pytorch()
    {
        var p = new ModuleParity("grucell", new GRUCell(5, 6));
        var h = ((GRUCell)p.Module).forward(p.Input("x"), p.Input("h0"));
        p.Check(("h", h));
    }
}
