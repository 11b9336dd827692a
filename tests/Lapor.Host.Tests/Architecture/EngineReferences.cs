using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Lapor.Host.Tests.Architecture;

/// <summary>
/// Every type name and member a compiled assembly's types mention, read from its metadata: base types, interfaces,
/// fields, method and property signatures, locals, and each type, field and method the IL bodies use (with generic
/// arguments, so <c>db.Set&lt;TaskRow&gt;()</c> counts). Nested and compiler-made types (lambdas, async state machines)
/// are counted under the top-level type they belong to.
/// </summary>
internal sealed class EngineReferences
{
    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    private readonly MetadataReader _reader;
    private readonly PEReader _pe;
    private readonly TypeNames _names;

    private EngineReferences(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
        _names = new TypeNames(_reader);
    }

    /// <summary>Top-level type full name → every type name ("Ns.Type") and member ("Ns.Type::Member") its code mentions.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return new EngineReferences(pe).ReadAll();
    }

    private Dictionary<string, IReadOnlySet<string>> ReadAll()
    {
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var handle in _reader.TypeDefinitions)
        {
            var owner = TopLevelName(handle);
            if (!result.TryGetValue(owner, out var seen))
                result[owner] = seen = [];
            Collect(_reader.GetTypeDefinition(handle), seen);
        }
        return result.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value);
    }

    private string TopLevelName(TypeDefinitionHandle handle)
    {
        var type = _reader.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
            type = _reader.GetTypeDefinition(outer);
        return _names.Of(type);
    }

    private void Collect(TypeDefinition type, HashSet<string> seen)
    {
        if (!type.BaseType.IsNil)
            seen.Add(_names.Of(type.BaseType));
        foreach (var i in type.GetInterfaceImplementations())
            seen.Add(_names.Of(_reader.GetInterfaceImplementation(i).Interface));
        foreach (var f in type.GetFields())
            seen.Add(_reader.GetFieldDefinition(f).DecodeSignature(_names, null));
        foreach (var p in type.GetProperties())
            Signature(_reader.GetPropertyDefinition(p).DecodeSignature(_names, null), seen);
        foreach (var m in type.GetMethods())
        {
            var method = _reader.GetMethodDefinition(m);
            Signature(method.DecodeSignature(_names, null), seen);
            if (method.RelativeVirtualAddress != 0)
                Body(_pe.GetMethodBody(method.RelativeVirtualAddress), seen);
        }
    }

    private static void Signature(MethodSignature<string> signature, HashSet<string> seen)
    {
        seen.Add(signature.ReturnType);
        seen.UnionWith(signature.ParameterTypes);
    }

    private void Body(MethodBodyBlock body, HashSet<string> seen)
    {
        if (!body.LocalSignature.IsNil)
            seen.UnionWith(_reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_names, null));
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var value = (short)il.ReadByte();
            if (value == 0xFE)
                value = (short)(0xFE00 | il.ReadByte());
            switch (Operands[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    Token(MetadataTokens.EntityHandle(il.ReadInt32()), seen);
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
            }
        }
    }

    private void Token(EntityHandle handle, HashSet<string> seen)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference or HandleKind.TypeDefinition or HandleKind.TypeSpecification:
                seen.Add(_names.Of(handle));
                break;
            case HandleKind.MemberReference:
                var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                var parent = member.Parent.Kind is HandleKind.TypeReference or HandleKind.TypeDefinition or HandleKind.TypeSpecification
                    ? _names.Of(member.Parent)
                    : "";
                seen.Add(parent);
                seen.Add(parent + "::" + _reader.GetString(member.Name));
                if (member.GetKind() == MemberReferenceKind.Method)
                    Signature(member.DecodeMethodSignature(_names, null), seen);
                else
                    seen.Add(member.DecodeFieldSignature(_names, null));
                break;
            case HandleKind.MethodSpecification:
                var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Token(spec.Method, seen);
                seen.UnionWith(spec.DecodeSignature(_names, null));
                break;
            case HandleKind.MethodDefinition:
                Signature(_reader.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(_names, null), seen);
                break;
            case HandleKind.FieldDefinition:
                seen.Add(_reader.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(_names, null));
                break;
        }
    }

    /// <summary>Type names as strings; a constructed type lists its arguments, so a forbidden argument stays visible.</summary>
    private sealed class TypeNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
    {
        public string Of(TypeDefinition type) =>
            reader.GetString(type.Namespace) is { Length: > 0 } ns ? ns + "." + reader.GetString(type.Name) : reader.GetString(type.Name);

        public string Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(reader, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(reader, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            _ => "",
        };

        public string GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => Of(r.GetTypeDefinition(handle));

        public string GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
        {
            var type = r.GetTypeReference(handle);
            var name = r.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
                return GetTypeFromReference(r, (TypeReferenceHandle)type.ResolutionScope, 0) + "+" + name;
            return r.GetString(type.Namespace) is { Length: > 0 } ns ? ns + "." + name : name;
        }

        public string GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            r.GetTypeSpecification(handle).DecodeSignature(this, context);

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) =>
            genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPinnedType(string elementType) => elementType;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetGenericMethodParameter(object? context, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? context, int index) => "!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + signature.ReturnType;
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
    }
}
