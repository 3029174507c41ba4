using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary>A resolved type use (spec 6.6.3): the type index and the parameters' identifiers.</summary>
internal readonly record struct TypeUse(uint TypeIndex, IReadOnlyList<string?> ParamIds, IReadOnlyList<Token> ParamTokens);

/// <summary>Value types, signatures, type uses, limits and index references (spec 6.4, 6.6.3).</summary>
internal static class TypeParser
{
    public static bool TryValueType(TokenReader reader, out ValueType type)
    {
        var token = reader.Current;
        type = default;
        if (token.Kind != TokenKind.Keyword) return false;
        var text = reader.Text(token);
        switch (text)
        {
            case "i32": type = Wasmbed.ValueType.I32; break;
            case "i64": type = Wasmbed.ValueType.I64; break;
            case "f32": type = Wasmbed.ValueType.F32; break;
            case "f64": type = Wasmbed.ValueType.F64; break;
            case "v128": type = Wasmbed.ValueType.V128; break;
            case "funcref": type = Wasmbed.ValueType.FuncRef; break;
            case "externref": type = Wasmbed.ValueType.ExternRef; break;
            default: return false;
        }
        reader.Position++;
        return true;
    }

    public static ValueType ReadValueType(TokenReader reader) =>
        TryValueType(reader, out var type) ? type : throw reader.Unexpected(reader.Current, "a value type");

    public static ValueType RefType(TokenReader reader)
    {
        if (reader.TryKeyword("funcref")) return Wasmbed.ValueType.FuncRef;
        if (reader.TryKeyword("externref")) return Wasmbed.ValueType.ExternRef;
        throw reader.Unexpected(reader.Current, "a reference type");
    }

    /// <summary>The heap type of <c>ref.null</c>: <c>func</c> or <c>extern</c>.</summary>
    public static ValueType HeapType(TokenReader reader)
    {
        if (reader.TryKeyword("func")) return Wasmbed.ValueType.FuncRef;
        if (reader.TryKeyword("extern")) return Wasmbed.ValueType.ExternRef;
        throw reader.Unexpected(reader.Current, "'func' or 'extern'");
    }

    /// <summary>
    /// <c>(param ...)* (result ...)*</c>. A <c>(param $id t)</c> names one parameter; when
    /// <paramref name="ids"/> is null identifiers are not allowed (block types, call_indirect).
    /// </summary>
    public static void Signature(TokenReader reader, List<ValueType> parameters, List<ValueType> results,
        List<string?>? ids, List<Token>? idTokens)
    {
        while (reader.IsParenKeyword("param"))
        {
            reader.Position += 2;
            var token = reader.Current;
            if (token.Kind == TokenKind.Id)
            {
                if (ids is null) throw reader.Unexpected(token, "a value type (parameters cannot be named here)");
                reader.TryId(out var id);
                parameters.Add(ReadValueType(reader));
                ids.Add(id);
                idTokens?.Add(token);
            }
            else
            {
                while (!reader.IsRightParen)
                {
                    idTokens?.Add(reader.Current);
                    parameters.Add(ReadValueType(reader));
                    ids?.Add(null);
                }
            }
            reader.ExpectRightParen();
        }
        while (reader.IsParenKeyword("result"))
        {
            reader.Position += 2;
            while (!reader.IsRightParen) results.Add(ReadValueType(reader));
            reader.ExpectRightParen();
        }
    }

    /// <summary>
    /// typeuse ::= (type x)? (param ...)* (result ...)* (spec 6.6.3). With an explicit index, an
    /// inline signature must match it; without one, the first matching type is used or one is added.
    /// </summary>
    public static TypeUse TypeUse(TokenReader reader, ModuleContext module, bool allowParamIds)
    {
        var start = reader.Current;
        uint? explicitIndex = null;
        if (reader.TryParenKeyword("type"))
        {
            explicitIndex = Index(reader, module.Types);
            reader.ExpectRightParen();
        }
        var parameters = new List<ValueType>();
        var results = new List<ValueType>();
        var ids = allowParamIds ? new List<string?>() : null;
        var idTokens = allowParamIds ? new List<Token>() : null;
        Signature(reader, parameters, results, ids, idTokens);

        if (explicitIndex is uint index)
        {
            var declared = module.TryGetType(index);
            if (parameters.Count > 0 || results.Count > 0)
            {
                if (declared is null) throw reader.Error(start, $"unknown type {index}");
                if (!declared.Equals(new FunctionType([.. parameters], [.. results])))
                    throw reader.Error(start, "inline function type does not match the explicit type");
                return new TypeUse(index, (IReadOnlyList<string?>?)ids ?? [], (IReadOnlyList<Token>?)idTokens ?? []);
            }
            int count = declared?.Parameters.Count ?? 0;
            return new TypeUse(index, new string?[count], []);
        }
        uint found = module.FindOrAddType(new FunctionType([.. parameters], [.. results]));
        return new TypeUse(found, (IReadOnlyList<string?>?)ids ?? [], (IReadOnlyList<Token>?)idTokens ?? []);
    }

    /// <summary>limits ::= min:u32 max:u32? (spec 6.4.5).</summary>
    public static void Limits(TokenReader reader, out uint min, out uint? max)
    {
        min = reader.ReadU32();
        max = reader.IsUnsignedNumber ? reader.ReadU32() : null;
    }

    public static bool IsIndexToken(TokenReader reader) =>
        reader.Current.Kind == TokenKind.Id || reader.IsUnsignedNumber;

    /// <summary>An index: a u32 literal, or an identifier that must resolve in <paramref name="space"/>.</summary>
    public static uint Index(TokenReader reader, IndexSpace space)
    {
        var token = reader.Current;
        if (token.Kind == TokenKind.Id)
        {
            if (!space.TryResolve(reader.Text(token)[1..], out uint index))
                throw reader.Error(token, $"unknown {space.Kind} {reader.TextString(token)}");
            reader.Position++;
            return index;
        }
        if (token.Kind == TokenKind.Atom) return reader.ReadU32();
        throw reader.Unexpected(token, $"a {space.Kind} index");
    }
}
