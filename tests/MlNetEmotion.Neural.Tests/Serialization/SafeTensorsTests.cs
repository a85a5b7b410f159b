using System.Text;
using MlNetEmotion.Neural;
using MlNetEmotion.Neural.Serialization;

namespace MlNetEmotion.Neural.Tests.Serialization;

public class SafeTensorsTests
{
    [Fact]
    public void ByteLayoutMatchesSpecByHand()
    {
        var bytes = SafeTensors.Serialize([new("a", SafeTensor.FromTensor(torch.tensor([1f, -2f], 2)))]);
        const string header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        int padded = (header.Length + 7) / 8 * 8; // 56 bytes of JSON → 56 (already a multiple of 8)
        var expected = new List<byte>();
        expected.AddRange(BitConverter.GetBytes((ulong)padded));
        expected.AddRange(Encoding.UTF8.GetBytes(header));
        expected.AddRange(Enumerable.Repeat((byte)' ', padded - header.Length));
        expected.AddRange([0x00, 0x00, 0x80, 0x3F]); // 1.0f little-endian
        expected.AddRange([0x00, 0x00, 0x00, 0xC0]); // -2.0f little-endian
        Assert.Equal(expected.ToArray(), bytes);
    }

    [Fact]
    public void HeaderIsPaddedWithSpacesToEightBytes()
    {
        var bytes = SafeTensors.Serialize([new("ab", SafeTensor.FromTensor(torch.zeros(1)))]);
        ulong n = BitConverter.ToUInt64(bytes, 0);
        Assert.Equal(0UL, n % 8);
        string json = Encoding.UTF8.GetString(bytes, 8, (int)n);
        Assert.EndsWith(" ", json);
        Assert.Equal(8 + (int)n + 4, bytes.Length);
    }

    [Fact]
    public void EveryDTypeRoundTrips()
    {
        var entries = new List<KeyValuePair<string, SafeTensor>>();
        foreach (var dt in Enum.GetValues<SafeTensorDType>())
        {
            int size = SafeTensorDTypes.Size(dt);
            var data = Enumerable.Range(0, 6 * size).Select(i => (byte)(i * 37 + (int)dt)).ToArray();
            entries.Add(new(dt.ToString().ToLowerInvariant(), new SafeTensor(dt, [2, 3], data)));
        }
        string path = Path.Combine(Path.GetTempPath(), $"n1-st-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafeTensors.SaveRaw(path, entries, new Dictionary<string, string> { ["format"] = "pt" });
            var (loaded, meta) = SafeTensors.LoadRaw(path);
            Assert.Equal("pt", meta["format"]);
            Assert.Equal(entries.Select(e => e.Key), loaded.Keys);
            foreach (var (name, t) in entries)
            {
                Assert.Equal(t.DType, loaded[name].DType);
                Assert.Equal(t.Shape, loaded[name].Shape);
                Assert.Equal(t.Data, loaded[name].Data);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ConversionsToTensors()
    {
        var h = new byte[4];
        BitConverter.TryWriteBytes(h.AsSpan(0), (Half)1.5f);
        BitConverter.TryWriteBytes(h.AsSpan(2), (Half)(-2f));
        Assert.Equal([1.5f, -2f], new SafeTensor(SafeTensorDType.F16, [2], h).ToTensor().ToArray());
        var bf = new byte[] { 0xC0, 0x3F }; // upper half of 1.5f (0x3FC00000)
        Assert.Equal([1.5f], new SafeTensor(SafeTensorDType.BF16, [1], bf).ToTensor().ToArray());
        var d = BitConverter.GetBytes(0.25);
        Assert.Equal([0.25f], new SafeTensor(SafeTensorDType.F64, [1], d).ToTensor().ToArray());
        var i64 = SafeTensor.FromTensor(torch.tensor([5L, -3L]));
        Assert.Equal([5L, -3L], i64.ToTensor().ToInt64Array());
    }

    [Fact]
    public void StateDictSaveLoadRoundTrip()
    {
        var m = torch.nn.Linear(3, 2);
        string path = Path.Combine(Path.GetTempPath(), $"n1-sd-{Guid.NewGuid():N}.safetensors");
        try
        {
            m.save(path);
            var m2 = torch.nn.Linear(3, 2);
            m2.load(path);
            Assert.Equal(m.weight.ToArray(), m2.weight.ToArray());
            Assert.Equal(m.bias!.ToArray(), m2.bias!.ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BatchNormStateWithInt64BufferRoundTrips()
    {
        var bn = torch.nn.BatchNorm2d(3);
        bn.forward(torch.randn(4, 3, 2, 2));
        string path = Path.Combine(Path.GetTempPath(), $"n1-bn-{Guid.NewGuid():N}.safetensors");
        try
        {
            torch.save(bn.state_dict(), path);
            Assert.Equal(ScalarType.Int64, torch.load(path)["num_batches_tracked"].dtype);
            var bn2 = torch.nn.BatchNorm2d(3);
            bn2.load_state_dict(torch.load(path));
            Assert.Equal(bn.running_var!.ToArray(), bn2.running_var!.ToArray());
            Assert.Equal(1L, bn2.num_batches_tracked!.ToInt64Array()[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("short")]
    [InlineData("headerTooLong")]
    [InlineData("badJson")]
    [InlineData("sizeMismatch")]
    [InlineData("trailing")]
    [InlineData("badDtype")]
    public void CorruptFilesAreRejectedWithOffsetAndReason(string kind)
    {
        var good = SafeTensors.Serialize([new("a", SafeTensor.FromTensor(torch.tensor([1f, 2f])))]);
        byte[] bytes = kind switch
        {
            "short" => [1, 2, 3],
            "headerTooLong" => [.. BitConverter.GetBytes(1000UL), .. good[8..]],
            "badJson" => Corrupt(good, "{\"a\":", "{\"a\"["),
            "sizeMismatch" => Corrupt(good, "[0,8]", "[0,4]"),
            "trailing" => [.. good, 0, 0, 0, 0],
            _ => Corrupt(good, "F32", "Q32"),
        };
        var ex = Assert.Throws<InvalidDataException>(() => SafeTensors.Deserialize(bytes, "w.safetensors"));
        Assert.Contains("w.safetensors", ex.Message);
        Assert.Contains("offset", ex.Message);
    }

    private static byte[] Corrupt(byte[] good, string from, string to)
    {
        var s = Encoding.Latin1.GetString(good);
        Assert.Contains(from, s);
        return Encoding.Latin1.GetBytes(s.Replace(from, to));
    }
}
