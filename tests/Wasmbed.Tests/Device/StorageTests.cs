using System.Text;
using Wasmbed.Device;
using Wasmbed.Device.Storage;

namespace Wasmbed.Tests.Device;

/// <summary>The app state journal: batches commit whole or not at all, survive reopening, and a torn tail is cut off.</summary>
public sealed class StorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wasmbed-storage-" + Guid.NewGuid().ToString("N"));

    public StorageTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string JournalPath => Path.Combine(_directory, AppStateStore.JournalFileName);

    private static byte[] B(string text) => Encoding.UTF8.GetBytes(text);

    private static string? Text(AppStateStore store, string key) => store.Get(key) is { } v ? Encoding.UTF8.GetString(v) : null;

    [Fact]
    public void CommittedBatchSurvivesReopening()
    {
        using (var store = AppStateStore.Open(JournalPath))
        {
            store.BeginBatch();
            store.Set(B("a"), B("1"));
            store.Set(B("b"), B("2"));
            store.Delete(B("a"));
            store.SetMeta("active.version", "1.0.0");
            store.Commit();
            store.Set(B("c"), B("3")); // outside a batch: commits on its own
        }
        using var reopened = AppStateStore.Open(JournalPath);
        Assert.Null(reopened.Get("a"));
        Assert.Equal("2", Text(reopened, "b"));
        Assert.Equal("3", Text(reopened, "c"));
        Assert.Equal("1.0.0", reopened.GetMeta("active.version"));
    }

    [Fact]
    public void RolledBackBatchLeavesNoTrace()
    {
        using (var store = AppStateStore.Open(JournalPath))
        {
            store.Set(B("keep"), B("old"));
            store.BeginBatch();
            store.Set(B("keep"), B("new"));
            store.Set(B("extra"), B("x"));
            store.SetMeta("m", "v");
            Assert.Equal("new", Text(store, "keep")); // a batch reads its own writes
            store.Rollback();
            Assert.Equal("old", Text(store, "keep"));
        }
        using var reopened = AppStateStore.Open(JournalPath);
        Assert.Equal("old", Text(reopened, "keep"));
        Assert.Null(reopened.Get("extra"));
        Assert.Null(reopened.GetMeta("m"));
    }

    [Fact]
    public void TornLastBatchIsCutOffAndLaterAppendsFollowTheLastWholeOne()
    {
        using (var store = AppStateStore.Open(JournalPath))
        {
            store.Set(B("a"), B("1"));
            store.BeginBatch();
            store.Set(B("a"), B("2"));
            store.Set(B("b"), B("2"));
            store.Commit();
        }
        long whole = new FileInfo(JournalPath).Length;
        for (int cut = 1; cut < 30; cut += 7)
        {
            using (var stream = new FileStream(JournalPath, FileMode.Open)) stream.SetLength(whole - cut);
            using (var store = AppStateStore.Open(JournalPath))
            {
                Assert.Equal("1", Text(store, "a")); // the torn batch never happened: neither of its writes
                Assert.Null(store.Get("b"));
                store.BeginBatch();
                store.Set(B("a"), B("2"));
                store.Set(B("b"), B("2"));
                store.Commit();
            }
            Assert.Equal(whole, new FileInfo(JournalPath).Length);
        }
    }

    [Fact]
    public void CorruptedBatchEndsTheJournal()
    {
        using (var store = AppStateStore.Open(JournalPath))
        {
            store.Set(B("a"), B("1"));
            store.Set(B("b"), B("2"));
        }
        var bytes = File.ReadAllBytes(JournalPath);
        bytes[^1] ^= 0xFF; // a flipped bit in the last batch's value: its checksum fails
        File.WriteAllBytes(JournalPath, bytes);

        using var reopened = AppStateStore.Open(JournalPath);
        Assert.Equal("1", Text(reopened, "a"));
        Assert.Null(reopened.Get("b"));
    }

    [Fact]
    public void QuotaRefusesWritesThatWouldExceedIt()
    {
        using var store = AppStateStore.Open(JournalPath, maxDataBytes: 10);
        Assert.Equal(DeviceError.None, store.Set(B("k"), B("123456789")));
        Assert.Equal(DeviceError.NoSpace, store.Set(B("x"), B("1")));
        Assert.Equal(DeviceError.None, store.Set(B("k"), B("12345678"))); // replacing frees the old value first
        Assert.Equal(9, store.DataBytes);
    }

    [Fact]
    public void CompactionKeepsTheLiveStateAndShrinksTheFile()
    {
        var value = new byte[1000];
        using (var store = AppStateStore.Open(JournalPath))
        {
            store.SetMeta("active.version", "2.0.0");
            for (int i = 0; i < 300; i++)
            {
                value[0] = (byte)i;
                store.Set(B("k" + (i % 3)), value);
            }
        }
        Assert.True(new FileInfo(JournalPath).Length < 64 * 1024 + 8 * 1024, "the journal was compacted");
        using var reopened = AppStateStore.Open(JournalPath);
        Assert.Equal(297 % 256, reopened.Get("k0")![0]);
        Assert.Equal(299 % 256, reopened.Get("k2")![0]);
        Assert.Equal("2.0.0", reopened.GetMeta("active.version"));
        Assert.Equal(3 * 1002, reopened.DataBytes);
    }

    [Fact]
    public void DurableFileReplacesWholeAndLeftoversAreDeleted()
    {
        var path = Path.Combine(_directory, "record");
        DurableFile.WriteAllBytes(path, B("one"));
        DurableFile.WriteAllBytes(path, B("two"));
        File.WriteAllText(path + ".123" + DurableFile.TemporarySuffix, "half");

        DurableFile.DeleteLeftovers(_directory);

        Assert.Equal("two", File.ReadAllText(path));
        Assert.Single(Directory.EnumerateFiles(_directory), f => f.EndsWith("record"));
    }
}
