using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HipecSafe.Core.HazardLog;

namespace HipecSafe.Core.Tests.HazardLog;

public class HazardLogTamperProperties
{
    private static readonly byte[] Log = SampleLog.Build(SampleLog.EveryKind).Bytes;
    private static readonly IReadOnlyList<int> Starts = SampleLog.LineStarts(Log);

    /// <summary>
    /// Any single byte changed anywhere before the final line (the final line could also be read as torn) is found,
    /// as corruption rather than a torn tail, at the line holding that byte or earlier.
    /// </summary>
    [Property(MaxTest = 500, Replay = "(20260314,927)")]
    public Property Any_single_byte_change_is_detected_at_or_before_its_record()
    {
        var positions = Gen.Choose(0, Starts[^2] - 1);
        var deltas = Gen.Choose(1, 255);
        return Prop.ForAll(positions.ToArbitrary(), deltas.ToArbitrary(), (position, delta) =>
        {
            var tampered = (byte[])Log.Clone();
            tampered[position] = (byte)(tampered[position] + delta);
            var lineOfByte = Starts.Count(start => start <= position);

            var result = HazardLogVerifier.Verify(tampered);

            return (result.Status == VerificationStatus.Corrupt && result.Problem!.LineNumber <= lineOfByte)
                .Label($"byte {position} (line {lineOfByte}) +{delta}: {result.Describe()}");
        });
    }
}
