using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace GanDsl.Generators.Parsing;

/// <summary>Reads constant attribute arguments defensively: anything not a usable constant marks the read as failed.</summary>
internal sealed class AttributeValues
{
    private readonly AttributeData _data;

    public AttributeValues(AttributeData data)
    {
        _data = data;
        Failed = data.AttributeClass is null || data.AttributeClass.TypeKind == TypeKind.Error || data.AttributeConstructor is null
                 || HasErrorArgument(data);
    }

    // A loop, not LINQ: this runs for every layer attribute on every compilation change.
    private static bool HasErrorArgument(AttributeData data)
    {
        foreach (var argument in data.ConstructorArguments)
            if (argument.Kind == TypedConstantKind.Error) return true;
        foreach (var pair in data.NamedArguments)
            if (pair.Value.Kind == TypedConstantKind.Error) return true;
        return false;
    }

    /// <summary>True when the compiler could not bind the attribute; it reports that error itself.</summary>
    public bool Failed { get; private set; }

    public long Long(int position, long fallback = 0) =>
        position < _data.ConstructorArguments.Length ? ToLong(_data.ConstructorArguments[position], fallback) : fallback;

    public double Double(int position, double fallback) =>
        position < _data.ConstructorArguments.Length ? ToDouble(_data.ConstructorArguments[position], fallback) : fallback;

    public IReadOnlyList<long> Longs(int position)
    {
        if (position >= _data.ConstructorArguments.Length) return Array.Empty<long>();
        var arg = _data.ConstructorArguments[position];
        if (arg.Kind != TypedConstantKind.Array) return new[] { ToLong(arg, 0) };
        if (arg.IsNull) return Array.Empty<long>();
        return arg.Values.Select(v => ToLong(v, 0)).ToArray();
    }

    /// <summary>A string argument; null (not failed) for a null constant.</summary>
    public string? String(int position)
    {
        if (position >= _data.ConstructorArguments.Length) return null;
        var arg = _data.ConstructorArguments[position];
        if (arg.Kind == TypedConstantKind.Array) { Failed = true; return null; }
        if (arg.Value is string s) return s;
        if (!arg.IsNull) Failed = true;
        return null;
    }

    public ITypeSymbol? Type(int position) =>
        position < _data.ConstructorArguments.Length ? _data.ConstructorArguments[position].Value as ITypeSymbol : null;

    public bool IsSet(string name) => Named(name) is not null;

    public long NamedLong(string name, long fallback) => Named(name) is { } v ? ToLong(v, fallback) : fallback;
    public double NamedDouble(string name, double fallback) => Named(name) is { } v ? ToDouble(v, fallback) : fallback;
    public bool NamedBool(string name, bool fallback) => Named(name) is { Kind: TypedConstantKind.Primitive, Value: bool b } ? b : fallback;

    private TypedConstant? Named(string name)
    {
        foreach (var pair in _data.NamedArguments)
            if (pair.Key == name) return pair.Value;
        return null;
    }

    private long ToLong(TypedConstant value, long fallback)
    {
        if (value.Kind == TypedConstantKind.Array) { Failed = true; return fallback; } // .Value throws on arrays
        switch (value.Value)
        {
            case int i: return i;
            case long l: return l;
            case short s: return s;
            case byte b: return b;
            default: Failed = true; return fallback;
        }
    }

    private double ToDouble(TypedConstant value, double fallback)
    {
        if (value.Kind == TypedConstantKind.Array) { Failed = true; return fallback; }
        switch (value.Value)
        {
            case double d: return d;
            case float f: return f;
            case int i: return i;
            case long l: return l;
            default: Failed = true; return fallback;
        }
    }
}
