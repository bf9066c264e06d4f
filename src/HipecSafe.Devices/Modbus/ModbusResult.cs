using System.Diagnostics.CodeAnalysis;

namespace HipecSafe.Devices.Modbus;

/// <summary>Outcome of a transaction without data (writes): success, or a typed <see cref="ModbusFailure"/>.</summary>
public class ModbusResult
{
    private protected ModbusResult(ModbusFailure? failure) => Failure = failure;

    /// <summary>The shared success value for writes.</summary>
    public static ModbusResult Success { get; } = new(null);

    /// <summary>Null on success.</summary>
    public ModbusFailure? Failure { get; }

    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    public static ModbusResult Failed(ModbusFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new ModbusResult(failure);
    }

    public static ModbusResult<T> Ok<T>(T value) => new(value, null);

    public static ModbusResult<T> Failed<T>(ModbusFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new ModbusResult<T>(default, failure);
    }

    public override string ToString() => IsSuccess ? "Success" : Failure.ToString();
}

/// <summary>Outcome of a transaction that returns data: the value, or a typed <see cref="ModbusFailure"/>.</summary>
public sealed class ModbusResult<T> : ModbusResult
{
    private readonly T? _value;

    internal ModbusResult(T? value, ModbusFailure? failure)
        : base(failure) => _value = value;

    /// <summary>The data; reading it from a failed result is a programming error and throws.</summary>
    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"no value: the transaction failed ({Failure})");

    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = IsSuccess ? _value! : default;
        return IsSuccess;
    }

    /// <summary>Transforms the value of a success; a failure passes through unchanged.</summary>
    public ModbusResult<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsSuccess ? Ok(map(_value!)) : Failed<TOut>(Failure);
    }

    public override string ToString() => IsSuccess ? $"Success({_value})" : Failure.ToString();
}
