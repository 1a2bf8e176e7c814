using System;
using TorchSharp;

namespace GanDsl;

/// <summary>
/// The scalars the runtime hands to TorchSharp, made here instead of by an implicit conversion from a number.
/// TorchSharp 0.107 turns a number passed where it wants a <see cref="Scalar"/> (<c>t.mul_(0.99)</c>, <c>t * 0.5</c>,
/// <c>alpha: 1 - decay</c>) into a native object that only its finalizer frees, and passes the native pointer on
/// without keeping the object alive. A garbage collection started by another thread (a progress display) during the
/// native call can then free the scalar while libtorch still reads it; a toy run died so at step ~800 ("Expected false
/// to be true ... toFloat at Scalar.h"). The constants below live in static fields, so they are never freed; a value
/// known only at run time is made with <c>ToScalar()</c> into a <c>using</c> local, which keeps it alive to the end of
/// its scope. ImplicitScalarTests keeps the runtime free of the implicit kind. (TorchSharp's own optimizers still make
/// such temporaries; that is out of GanDsl's reach.)
/// </summary>
internal static class Scalars
{
    private static readonly Lazy<Scalar> minusOne = new(() => (-1.0).ToScalar());
    private static readonly Lazy<Scalar> zero = new(() => 0.0.ToScalar());
    private static readonly Lazy<Scalar> half = new(() => 0.5.ToScalar());
    private static readonly Lazy<Scalar> one = new(() => 1.0.ToScalar());
    private static readonly Lazy<Scalar> two = new(() => 2.0.ToScalar());

    /// <summary>-1.0.</summary>
    public static Scalar MinusOne => minusOne.Value;

    /// <summary>0.0 (a double scalar: it keeps a tensor's floating dtype).</summary>
    public static Scalar Zero => zero.Value;

    /// <summary>0.5.</summary>
    public static Scalar Half => half.Value;

    /// <summary>1.0.</summary>
    public static Scalar One => one.Value;

    /// <summary>2.0.</summary>
    public static Scalar Two => two.Value;
}
