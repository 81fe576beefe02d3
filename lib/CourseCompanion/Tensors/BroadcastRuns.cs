namespace CourseCompanion.Tensors;

/// <summary>
/// Runs a binary kernel over two operands broadcast to one shape without materialising the broadcast: the dimensions are
/// coalesced until the innermost run is as long as the layouts allow, and the kernel sees one run at a time. An operand that
/// is constant along the run (a per-channel scale, a bias over rows) is replicated into a run-sized scratch buffer.
/// </summary>
internal static class BroadcastRuns
{
    /// <summary>One coalesced dimension: its size and each operand's stride (0 where broadcast).</summary>
    private readonly record struct Dim(int Size, int StrideA, int StrideB);

    /// <summary>True when both operands, viewed in the output's shape, step by 0 or 1 along the innermost coalesced run.</summary>
    public static bool Fits(Tensor a, Tensor b) => Coalesce(a, b) is var dims && Unit(dims[^1].StrideA) && Unit(dims[^1].StrideB);

    /// <summary>result = f(a, b) element-wise; a and b are views already expanded to result's shape, with <see cref="Fits"/> true.</summary>
    public static void Zip<T>(Tensor a, Tensor b, Span<T> result, SpanZip<T> f) where T : unmanaged
    {
        var cursor = new Cursor(Coalesce(a, b), a.Offset, b.Offset);
        var (run, sa, sb) = cursor.Run;
        T[] da = a.Storage<T>(), db = b.Storage<T>();
        var scratch = sa == 0 || sb == 0 ? new T[run] : null;
        for (int start = 0; start < result.Length; start += run, cursor.Advance())
        {
            ReadOnlySpan<T> x = sa == 1 ? da.AsSpan(cursor.A, run) : Fill(scratch!, da[cursor.A]);
            ReadOnlySpan<T> y = sb == 1 ? db.AsSpan(cursor.B, run) : Fill(scratch!, db[cursor.B]);
            f(x, y, result.Slice(start, run));
        }
    }

    /// <summary>target += values in place, where target is any non-overlapping view and values has its shape.</summary>
    public static void AddInto<T>(Tensor target, Tensor values) where T : unmanaged, System.Numerics.INumber<T>
    {
        var cursor = new Cursor(Coalesce(target, values), target.Offset, values.Offset);
        var (run, st, sv) = cursor.Run;
        T[] dt = target.Storage<T>(), dv = values.Storage<T>();
        for (int done = 0; done < target.NumEl; done += run, cursor.Advance())
        {
            if (st == 1 && sv == 1)
            {
                var into = dt.AsSpan(cursor.A, run);
                System.Numerics.Tensors.TensorPrimitives.Add<T>(into, dv.AsSpan(cursor.B, run), into);
            }
            else for (int i = 0, t = cursor.A, v = cursor.B; i < run; i++, t += st, v += sv) dt[t] += dv[v];
        }
    }

    /// <summary>Steps two offsets through the outer coalesced dimensions, one innermost run at a time (an odometer).</summary>
    private struct Cursor(Dim[] dims, int a, int b)
    {
        private readonly int[] _index = new int[dims.Length - 1];

        public int A = a, B = b;

        public readonly Dim Run => dims[^1];

        public void Advance()
        {
            for (int d = _index.Length - 1; d >= 0; d--)
            {
                A += dims[d].StrideA;
                B += dims[d].StrideB;
                if (++_index[d] < dims[d].Size) return;
                A -= dims[d].StrideA * dims[d].Size;
                B -= dims[d].StrideB * dims[d].Size;
                _index[d] = 0;
            }
        }
    }

    private static bool Unit(int stride) => stride is 0 or 1;

    private static T[] Fill<T>(T[] scratch, T value)
    {
        Array.Fill(scratch, value);
        return scratch;
    }

    /// <summary>The dimensions of size above 1, merged from the inside out wherever both operands stay regular across the seam.</summary>
    private static Dim[] Coalesce(Tensor a, Tensor b)
    {
        var merged = new List<Dim>();
        for (int d = a.Dim - 1; d >= 0; d--)
        {
            int size = a.ShapeArray[d];
            if (size == 1) continue;
            var next = new Dim(size, a.StridesArray[d], b.StridesArray[d]);
            if (merged.Count > 0 && merged[^1] is var inner
                && next.StrideA == inner.StrideA * inner.Size && next.StrideB == inner.StrideB * inner.Size)
                merged[^1] = inner with { Size = inner.Size * size };
            else merged.Add(next);
        }
        if (merged.Count == 0) merged.Add(new Dim(1, 1, 1));
        merged.Reverse();
        return [.. merged];
    }
}
