using MlNetEmotion.Neural.Modules.Attention;
using MlNetEmotion.Neural.Modules.Recurrent;

namespace MlNetEmotion.Neural;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>New <see cref="Modules.Recurrent.LSTM"/> (PyTorch defaults: one layer, bias, step-first, no dropout).</summary>
        public static LSTM LSTM(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
            double dropout = 0, Generator? generator = null) => new(input_size, hidden_size, num_layers, bias, batch_first, dropout, generator);

        /// <summary>New <see cref="Modules.Recurrent.GRU"/> (PyTorch defaults: one layer, bias, step-first, no dropout).</summary>
        public static GRU GRU(long input_size, long hidden_size, long num_layers = 1, bool bias = true, bool batch_first = false,
            double dropout = 0, Generator? generator = null) => new(input_size, hidden_size, num_layers, bias, batch_first, dropout, generator);

        /// <summary>New <see cref="Modules.Recurrent.LSTMCell"/>.</summary>
        public static LSTMCell LSTMCell(long input_size, long hidden_size, bool bias = true, Generator? generator = null) =>
            new(input_size, hidden_size, bias, generator);

        /// <summary>New <see cref="Modules.Recurrent.GRUCell"/>.</summary>
        public static GRUCell GRUCell(long input_size, long hidden_size, bool bias = true, Generator? generator = null) =>
            new(input_size, hidden_size, bias, generator);

        /// <summary>New <see cref="Modules.Recurrent.ConvLSTMCell"/> (paper 001's peephole ConvLSTM, "same" padding).</summary>
        public static ConvLSTMCell ConvLSTMCell(long in_channels, long hidden_channels, long kernel_size, long height, long width,
            bool bias = true, Generator? generator = null) =>
            new(in_channels, hidden_channels, kernel_size, height, width, bias, generator);

        /// <summary>New <see cref="Modules.Attention.MultiheadAttention"/>.</summary>
        public static MultiheadAttention MultiheadAttention(long embed_dim, long num_heads, double dropout = 0, bool bias = true,
            bool batch_first = false, Generator? generator = null) => new(embed_dim, num_heads, dropout, bias, batch_first, generator);

        /// <summary>New <see cref="Modules.Attention.TransformerEncoderLayer"/>.</summary>
        public static TransformerEncoderLayer TransformerEncoderLayer(long d_model, long nhead, long dim_feedforward = 2048,
            double dropout = 0.1, string activation = "relu", double layer_norm_eps = 1e-5, bool batch_first = false,
            bool norm_first = false, Generator? generator = null) =>
            new(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first, generator);
    }
}
