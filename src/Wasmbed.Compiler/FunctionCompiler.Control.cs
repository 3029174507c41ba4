using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Structured control flow (spec 4.4.8). Labels of blocks, ifs and the function body are their ends, reached with the
// label's values on the evaluation stack; a loop's label is its header, reached with an empty evaluation stack and
// its parameters in locals.
internal sealed partial class FunctionCompiler
{
    private enum FrameKind : byte
    {
        Function,
        Block,
        Loop,
        If,
    }

    private sealed class ControlFrame
    {
        public FrameKind Kind;
        /// <summary>Operand stack height below the frame's parameters.</summary>
        public int Height;
        public ValueType[] Parameters = [];
        public ValueType[] Results = [];
        /// <summary>The end (block, if, function) or the header (loop).</summary>
        public Label Label;
        /// <summary>Where an if's false branch starts.</summary>
        public Label Else;
        public bool HasElse;
        /// <summary>Some branch went to the end label.</summary>
        public bool Branched;
        /// <summary>The code being compiled in this frame cannot be reached.</summary>
        public bool Unreachable;
        /// <summary>A loop's parameters, which branches to its header store.</summary>
        public LocalBuilder[] LoopParameters = [];

        public ValueType[] LabelTypes => Kind == FrameKind.Loop ? Parameters : Results;
    }

    private ControlFrame[] _frames = new ControlFrame[16];
    private int _frameCount;
    private DeadCodeTracker _deadCode;
    private uint[] _brTableTargets = new uint[16];

    private ControlFrame Top => _frames[_frameCount - 1];

    private ControlFrame FrameAt(uint depth) => _frames[_frameCount - 1 - (int)depth];

    /// <summary>Whether the code being compiled is inside a loop of the function.</summary>
    private bool InsideLoop
    {
        get
        {
            for (int i = _frameCount - 1; i > 0; i--)
                if (_frames[i].Kind == FrameKind.Loop) return true;
            return false;
        }
    }

    private void ResetControl()
    {
        _frameCount = 0;
        _deadCode.Enter();
    }

    private ControlFrame PushFrame(FrameKind kind, ValueType[] parameters, ValueType[] results)
    {
        if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        var frame = _frames[_frameCount] ??= new ControlFrame();
        _frameCount++;
        frame.Kind = kind;
        frame.Height = _height - parameters.Length;
        frame.Parameters = parameters;
        frame.Results = results;
        frame.Label = _il.DefineLabel();
        frame.HasElse = false;
        frame.Branched = false;
        frame.Unreachable = false;
        frame.LoopParameters = [];
        return frame;
    }

    private void CompileBlock(BlockType blockType)
    {
        var (parameters, results) = BlockSignature(blockType);
        SpillAll();
        Need(parameters.Length);
        PushFrame(FrameKind.Block, parameters, results);
    }

    private void CompileLoop(BlockType blockType)
    {
        var (parameters, results) = BlockSignature(blockType);
        SpillAll();
        var frame = PushFrame(FrameKind.Loop, parameters, results);
        if (parameters.Length > 0)
        {
            frame.LoopParameters = new LocalBuilder[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                var local = _il.DeclareLocal(ClrTypes.Of(parameters[i]));
                frame.LoopParameters[i] = local;
                _il.Emit(OpCodes.Ldloc, SpillLocal(frame.Height + i, parameters[i]));
                _il.Emit(OpCodes.Stloc, local);
            }
        }
        _il.MarkLabel(frame.Label);
        // Loop back-edges land here: the interruption check, then (with the next instruction) the body's fuel charge.
        EmitInterruptCheck();
        foreach (var local in frame.LoopParameters) _il.Emit(OpCodes.Ldloc, local);
        _spilled = frame.Height;
    }

    private void CompileIf(BlockType blockType)
    {
        var (parameters, results) = BlockSignature(blockType);
        SpillAll();
        Need(parameters.Length + 1);
        Pop();
        var frame = PushFrame(FrameKind.If, parameters, results);
        frame.Else = _il.DefineLabel();
        _il.Emit(OpCodes.Brfalse, frame.Else);
    }

    private void CompileElse()
    {
        var frame = Top;
        if (!frame.Unreachable)
        {
            EmitKeepOnlyTop(frame.Results.Length);
            _il.Emit(OpCodes.Br, frame.Label);
            frame.Branched = true;
        }
        _il.MarkLabel(frame.Else);
        frame.HasElse = true;
        frame.Unreachable = false;
        ResetStackTo(frame.Height, frame.Parameters);
    }

    private void CompileEnd()
    {
        var frame = Top;
        bool fallsThrough = !frame.Unreachable;
        switch (frame.Kind)
        {
            case FrameKind.Function:
                if (fallsThrough) EmitKeepOnlyTop(frame.Results.Length);
                if (frame.Branched) _il.MarkLabel(frame.Label);
                if (fallsThrough || frame.Branched) EmitReturn();
                _frameCount--;
                return;
            case FrameKind.Loop:
                _frameCount--;
                if (!fallsThrough) MarkUnreachable();
                return;
            default:
                if (fallsThrough) EmitKeepOnlyTop(frame.Results.Length);
                bool reachable = fallsThrough || frame.Branched;
                if (frame.Kind == FrameKind.If && !frame.HasElse)
                {
                    // The missing else passes the parameters through as results (validation made them equal).
                    _il.MarkLabel(frame.Else);
                    reachable = true;
                }
                _il.MarkLabel(frame.Label);
                _frameCount--;
                ResetStackTo(frame.Height, frame.Results);
                if (!reachable) MarkUnreachable();
                return;
        }
    }

    /// <summary>The rest of the current block cannot be reached (after br, br_table, return, unreachable).</summary>
    private void MarkUnreachable()
    {
        Top.Unreachable = true;
        _deadCode.Enter();
    }

    /// <summary>The function's results are on the evaluation stack: the first is returned, the others stored through the out parameters.</summary>
    private void EmitReturn()
    {
        var results = _type.Results;
        if (results.Count > 1)
        {
            for (int k = results.Count - 1; k >= 1; k--) _il.Emit(OpCodes.Stloc, SpillLocal(k, results[k]));
            for (int k = 1; k < results.Count; k++)
            {
                LoadArgument((short)(_type.Parameters.Count + k - 1));
                _il.Emit(OpCodes.Ldloc, SpillLocal(k, results[k]));
                _il.Emit(OpCodes.Stobj, ClrTypes.Of(results[k]));
            }
        }
        _il.Emit(OpCodes.Ret);
    }

    /// <summary>Emits an unconditional branch to the label of <paramref name="frame"/> (model unchanged).</summary>
    private void EmitBranch(ControlFrame frame)
    {
        if (frame.Kind == FrameKind.Loop)
        {
            EmitStoreTopAndClear(frame.LoopParameters);
        }
        else
        {
            EmitKeepOnlyTop(frame.Results.Length);
            frame.Branched = true;
        }
        _il.Emit(OpCodes.Br, frame.Label);
    }

    private void CompileBr(uint depth)
    {
        EmitBranch(FrameAt(depth));
        MarkUnreachable();
    }

    private void CompileBrIf(uint depth)
    {
        var frame = FrameAt(depth);
        Need(1);
        Pop();
        int arity = frame.LabelTypes.Length;
        bool direct = frame.Kind == FrameKind.Loop ? arity == 0 && _spilled == _height : _spilled == _height - arity;
        if (direct)
        {
            if (frame.Kind != FrameKind.Loop) frame.Branched = true;
            _il.Emit(OpCodes.Brtrue, frame.Label);
            return;
        }
        var skip = _il.DefineLabel();
        _il.Emit(OpCodes.Brfalse, skip);
        EmitBranch(frame);
        _il.MarkLabel(skip);
    }

    private void CompileBrTable(in Instruction instruction)
    {
        int count = (int)instruction.Index;
        if (_brTableTargets.Length < count) _brTableTargets = new uint[Math.Max(count, _brTableTargets.Length * 2)];
        var targets = _brTableTargets.AsSpan(0, count);
        InstructionReader.ReadBrTableTargets(_module.Bytes.Span, instruction, targets);
        uint defaultDepth = instruction.Index2;

        Need(1);
        Pop();
        var index = SpillLocal(_height, ValueType.I32);
        _il.Emit(OpCodes.Stloc, index);

        int arity = FrameAt(defaultDepth).LabelTypes.Length;
        if (arity == 0)
        {
            // Every target is reached with an empty evaluation stack.
            for (int p = _spilled; p < _height; p++) _il.Emit(OpCodes.Pop);
            var labels = new Label[count];
            for (int i = 0; i < count; i++) labels[i] = TargetLabel(FrameAt(targets[i]));
            EmitSwitch(index, labels);
            _il.Emit(OpCodes.Br, TargetLabel(FrameAt(defaultDepth)));
        }
        else
        {
            // The values go to their spill locals first; one stub per distinct target then moves them where it needs them.
            int first = _height - arity;
            for (int p = _height - 1; p >= Math.Max(first, _spilled); p--) _il.Emit(OpCodes.Stloc, SpillLocal(p, _stack[p]));
            for (int p = _spilled; p < first; p++) _il.Emit(OpCodes.Pop);
            int saved = _spilled;
            _spilled = _height;
            var stubs = new Dictionary<uint, Label>();
            Label StubFor(uint depth)
            {
                if (!stubs.TryGetValue(depth, out var label)) stubs.Add(depth, label = _il.DefineLabel());
                return label;
            }
            var labels = new Label[count];
            for (int i = 0; i < count; i++) labels[i] = StubFor(targets[i]);
            var defaultStub = StubFor(defaultDepth);
            EmitSwitch(index, labels);
            _il.Emit(OpCodes.Br, defaultStub);
            foreach (var (depth, stub) in stubs)
            {
                _il.MarkLabel(stub);
                EmitBranch(FrameAt(depth));
            }
            _spilled = saved;
        }
        MarkUnreachable();
    }

    /// <summary>The IL switch; a br_table without targets has none (and System.Reflection.Metadata refuses an empty one).</summary>
    private void EmitSwitch(LocalBuilder index, Label[] labels)
    {
        if (labels.Length == 0) return;
        _il.Emit(OpCodes.Ldloc, index);
        _il.Emit(OpCodes.Switch, labels);
    }

    private static Label TargetLabel(ControlFrame frame)
    {
        if (frame.Kind != FrameKind.Loop) frame.Branched = true;
        return frame.Label;
    }
}
