#include "core/pose/tflite_model.h"

#include "core/pose/internal/flatbuffer_view.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <limits>

namespace actionlens::pose {

using internal::FlatbufferError;
using internal::FlatbufferView;
using internal::FlatTable;

namespace {

// Field numbers of TFLite's schema.fbs tables.
namespace model_field { constexpr int version = 0, operatorCodes = 1, subgraphs = 2, description = 3, buffers = 4; }
namespace opcode_field { constexpr int deprecatedCode = 0, customCode = 1, version = 2, builtinCode = 3; }
namespace subgraph_field { constexpr int tensors = 0, inputs = 1, outputs = 2, operators = 3; }
namespace tensor_field { constexpr int shape = 0, type = 1, buffer = 2, name = 3, sparsity = 6; }
namespace buffer_field { constexpr int data = 0, offset = 1, size = 2; }
namespace operator_field { constexpr int opcodeIndex = 0, inputs = 1, outputs = 2, optionsType = 3, options = 4; }
namespace sparsity_field { constexpr int traversalOrder = 0, blockMap = 1, dimMetadata = 2; }
namespace dimension_field { constexpr int format = 0, denseSize = 1, segmentsType = 2, segments = 3, indicesType = 4, indices = 5; }

// BuiltinOptions union tags of the options tables read below.
namespace options_tag {
constexpr int conv2d = 1, depthwiseConv2d = 2, pool2d = 5, concatenation = 10, add = 11, resizeBilinear = 15,
              reshape = 17, depthToSpace = 94;
}

// The BuiltinOperator enum of TFLite's schema, in order (names for messages only).
constexpr std::array<const char*, 128> kBuiltinNames = {
    "ADD", "AVERAGE_POOL_2D", "CONCATENATION", "CONV_2D", "DEPTHWISE_CONV_2D", "DEPTH_TO_SPACE", "DEQUANTIZE",
    "EMBEDDING_LOOKUP", "FLOOR", "FULLY_CONNECTED", "HASHTABLE_LOOKUP", "L2_NORMALIZATION", "L2_POOL_2D",
    "LOCAL_RESPONSE_NORMALIZATION", "LOGISTIC", "LSH_PROJECTION", "LSTM", "MAX_POOL_2D", "MUL", "RELU",
    "RELU_N1_TO_1", "RELU6", "RESHAPE", "RESIZE_BILINEAR", "RNN", "SOFTMAX", "SPACE_TO_DEPTH", "SVDF", "TANH",
    "CONCAT_EMBEDDINGS", "SKIP_GRAM", "CALL", "CUSTOM", "EMBEDDING_LOOKUP_SPARSE", "PAD",
    "UNIDIRECTIONAL_SEQUENCE_RNN", "GATHER", "BATCH_TO_SPACE_ND", "SPACE_TO_BATCH_ND", "TRANSPOSE", "MEAN", "SUB",
    "DIV", "SQUEEZE", "UNIDIRECTIONAL_SEQUENCE_LSTM", "STRIDED_SLICE", "BIDIRECTIONAL_SEQUENCE_RNN", "EXP",
    "TOPK_V2", "SPLIT", "LOG_SOFTMAX", "DELEGATE", "BIDIRECTIONAL_SEQUENCE_LSTM", "CAST", "PRELU", "MAXIMUM",
    "ARG_MAX", "MINIMUM", "LESS", "NEG", "PADV2", "GREATER", "GREATER_EQUAL", "LESS_EQUAL", "SELECT", "SLICE", "SIN",
    "TRANSPOSE_CONV", "SPARSE_TO_DENSE", "TILE", "EXPAND_DIMS", "EQUAL", "NOT_EQUAL", "LOG", "SUM", "SQRT", "RSQRT",
    "SHAPE", "POW", "ARG_MIN", "FAKE_QUANT", "REDUCE_PROD", "REDUCE_MAX", "PACK", "LOGICAL_OR", "ONE_HOT",
    "LOGICAL_AND", "LOGICAL_NOT", "UNPACK", "REDUCE_MIN", "FLOOR_DIV", "REDUCE_ANY", "SQUARE", "ZEROS_LIKE", "FILL",
    "FLOOR_MOD", "RANGE", "RESIZE_NEAREST_NEIGHBOR", "LEAKY_RELU", "SQUARED_DIFFERENCE", "MIRROR_PAD", "ABS",
    "SPLIT_V", "UNIQUE", "CEIL", "REVERSE_V2", "ADD_N", "GATHER_ND", "COS", "WHERE", "RANK", "ELU",
    "REVERSE_SEQUENCE", "MATRIX_DIAG", "QUANTIZE", "MATRIX_SET_DIAG", "ROUND", "HARD_SWISH", "IF", "WHILE",
    "NON_MAX_SUPPRESSION_V4", "NON_MAX_SUPPRESSION_V5", "SCATTER_ND", "SELECT_V2", "DENSIFY", "SEGMENT_SUM",
    "BATCH_MATMUL", "PLACEHOLDER_FOR_GREATER_OP_CODES"};

std::string shapeText(const std::vector<std::int32_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

// SparseIndexVector union: Int32Vector (1), Uint16Vector (2), Uint8Vector (3), each a table
// whose field 0 is the values.
std::vector<std::int64_t> readIndexVector(const FlatbufferView& fb, const FlatTable& dimension, int typeField, int valueField,
                                          const char* what) {
    const int type = fb.scalar<std::uint8_t>(dimension, typeField, 0, what);
    FlatTable values;
    if (!fb.table(dimension, valueField, &values, what)) throw FlatbufferError(std::string(what) + " is missing");
    std::vector<std::int64_t> out;
    switch (type) {
    case 1: for (auto v : fb.scalars<std::int32_t>(values, 0, what)) out.push_back(v); break;
    case 2: for (auto v : fb.scalars<std::uint16_t>(values, 0, what)) out.push_back(v); break;
    case 3: for (auto v : fb.scalars<std::uint8_t>(values, 0, what)) out.push_back(v); break;
    default: throw FlatbufferError(std::string(what) + " has unknown index type " + std::to_string(type));
    }
    return out;
}

struct SparseDimension {
    bool dense = true;
    std::int64_t denseSize = 0;
    std::vector<std::int64_t> segments;
    std::vector<std::int64_t> indices;
};

// Walks TFLite's compressed format (each dimension DENSE or SPARSE_CSR, traversal in tensor
// order, no blocks): position p at level d expands to the children of p at level d+1; at the
// last level the position is the index into the stored values.
class Densifier {
public:
    Densifier(const std::vector<SparseDimension>& dims, const std::vector<std::int32_t>& shape, const std::uint8_t* values,
              std::int64_t valueCount, int elementSize, std::vector<std::uint8_t>* out)
        : dims_(dims), shape_(shape), values_(values), valueCount_(valueCount), elementSize_(elementSize), out_(out) {}

    void expand(std::size_t level, std::int64_t position, std::int64_t denseOffset) {
        const std::int64_t extent = shape_[level];
        const SparseDimension& dim = dims_[level];
        auto visit = [&](std::int64_t child, std::int64_t coordinate) {
            if (coordinate < 0 || coordinate >= extent) {
                throw FlatbufferError("sparse index " + std::to_string(coordinate) + " outside dimension " +
                                      std::to_string(level) + " of size " + std::to_string(extent));
            }
            const std::int64_t offset = denseOffset * extent + coordinate;
            if (level + 1 == dims_.size()) {
                if (child < 0 || child >= valueCount_) throw FlatbufferError("sparse value index out of range");
                std::memcpy(out_->data() + offset * elementSize_, values_ + child * elementSize_, elementSize_);
            } else {
                expand(level + 1, child, offset);
            }
        };
        if (dim.dense) {
            if (dim.denseSize != extent) throw FlatbufferError("dense size disagrees with the tensor shape");
            for (std::int64_t j = 0; j < extent; ++j) visit(position * extent + j, j);
        } else {
            if (position < 0 || position + 1 >= static_cast<std::int64_t>(dim.segments.size())) {
                throw FlatbufferError("sparse segment index out of range");
            }
            const std::int64_t begin = dim.segments[position], end = dim.segments[position + 1];
            if (begin < 0 || end < begin || end > static_cast<std::int64_t>(dim.indices.size())) {
                throw FlatbufferError("sparse segments are not increasing or exceed the indices");
            }
            for (std::int64_t k = begin; k < end; ++k) visit(k, dim.indices[k]);
        }
    }

private:
    const std::vector<SparseDimension>& dims_;
    const std::vector<std::int32_t>& shape_;
    const std::uint8_t* values_;
    std::int64_t valueCount_;
    int elementSize_;
    std::vector<std::uint8_t>* out_;
};

std::vector<std::uint8_t> densify(const FlatbufferView& fb, const FlatTable& sparsity, const TfliteTensor& tensor,
                                  const std::vector<std::uint8_t>& values) {
    const auto order = fb.scalars<std::int32_t>(sparsity, sparsity_field::traversalOrder, "sparsity traversal order");
    const auto blocks = fb.scalars<std::int32_t>(sparsity, sparsity_field::blockMap, "sparsity block map");
    if (!blocks.empty()) throw FlatbufferError("block-sparse weights are not supported");
    if (order.size() != tensor.shape.size()) throw FlatbufferError("sparsity traversal order does not match the tensor's rank");
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] != static_cast<std::int32_t>(i)) throw FlatbufferError("sparse weights in a permuted traversal order are not supported");
    }
    std::vector<SparseDimension> dims;
    for (const FlatTable& d : fb.tables(sparsity, sparsity_field::dimMetadata, "sparsity dimensions")) {
        SparseDimension dim;
        const int format = fb.scalar<std::int8_t>(d, dimension_field::format, 0, "sparsity format");
        dim.dense = format == 0;
        if (format != 0 && format != 1) throw FlatbufferError("unknown sparse dimension format " + std::to_string(format));
        dim.denseSize = fb.scalar<std::int32_t>(d, dimension_field::denseSize, 0, "dense size");
        if (!dim.dense) {
            dim.segments = readIndexVector(fb, d, dimension_field::segmentsType, dimension_field::segments, "sparse segments");
            dim.indices = readIndexVector(fb, d, dimension_field::indicesType, dimension_field::indices, "sparse indices");
        }
        dims.push_back(std::move(dim));
    }
    if (dims.size() != tensor.shape.size()) throw FlatbufferError("sparsity has " + std::to_string(dims.size()) + " dimensions for a tensor of rank " + std::to_string(tensor.shape.size()));
    const int elementSize = tfliteTypeSize(tensor.type);
    std::vector<std::uint8_t> dense(static_cast<std::size_t>(tensor.elementCount()) * elementSize, 0);
    Densifier(dims, tensor.shape, values.data(), static_cast<std::int64_t>(values.size() / elementSize), elementSize, &dense)
        .expand(0, 0, 0);
    return dense;
}

TfliteOptions readOptions(const FlatbufferView& fb, const FlatTable& op, int builtinCode) {
    TfliteOptions o;
    o.optionsType = fb.scalar<std::uint8_t>(op, operator_field::optionsType, 0, "options type");
    FlatTable t;
    if (!fb.table(op, operator_field::options, &t, "operator options")) return o;
    auto expect = [&](int tag) {
        if (o.optionsType != tag) {
            throw FlatbufferError(tfliteBuiltinName(builtinCode) + " carries options of type " + std::to_string(o.optionsType) +
                                  ", expected " + std::to_string(tag));
        }
    };
    using namespace tflite_op;
    switch (builtinCode) {
    case kConv2d:
        expect(options_tag::conv2d);
        o.padding = static_cast<TflitePadding>(fb.scalar<std::int8_t>(t, 0, 0, "padding"));
        o.strideW = fb.scalar<std::int32_t>(t, 1, 1, "stride");
        o.strideH = fb.scalar<std::int32_t>(t, 2, 1, "stride");
        o.activation = fb.scalar<std::int8_t>(t, 3, 0, "activation");
        o.dilationW = fb.scalar<std::int32_t>(t, 4, 1, "dilation");
        o.dilationH = fb.scalar<std::int32_t>(t, 5, 1, "dilation");
        break;
    case kDepthwiseConv2d:
        expect(options_tag::depthwiseConv2d);
        o.padding = static_cast<TflitePadding>(fb.scalar<std::int8_t>(t, 0, 0, "padding"));
        o.strideW = fb.scalar<std::int32_t>(t, 1, 1, "stride");
        o.strideH = fb.scalar<std::int32_t>(t, 2, 1, "stride");
        o.depthMultiplier = fb.scalar<std::int32_t>(t, 3, 1, "depth multiplier");
        o.activation = fb.scalar<std::int8_t>(t, 4, 0, "activation");
        o.dilationW = fb.scalar<std::int32_t>(t, 5, 1, "dilation");
        o.dilationH = fb.scalar<std::int32_t>(t, 6, 1, "dilation");
        break;
    case kMaxPool2d:
        expect(options_tag::pool2d);
        o.padding = static_cast<TflitePadding>(fb.scalar<std::int8_t>(t, 0, 0, "padding"));
        o.strideW = fb.scalar<std::int32_t>(t, 1, 1, "stride");
        o.strideH = fb.scalar<std::int32_t>(t, 2, 1, "stride");
        o.filterW = fb.scalar<std::int32_t>(t, 3, 1, "filter width");
        o.filterH = fb.scalar<std::int32_t>(t, 4, 1, "filter height");
        o.activation = fb.scalar<std::int8_t>(t, 5, 0, "activation");
        break;
    case kAdd:
        expect(options_tag::add);
        o.activation = fb.scalar<std::int8_t>(t, 0, 0, "activation");
        break;
    case kConcatenation:
        expect(options_tag::concatenation);
        o.axis = fb.scalar<std::int32_t>(t, 0, 0, "axis");
        o.activation = fb.scalar<std::int8_t>(t, 1, 0, "activation");
        break;
    case kResizeBilinear:
        expect(options_tag::resizeBilinear);
        o.alignCorners = fb.scalar<std::uint8_t>(t, 2, 0, "align_corners") != 0;
        o.halfPixelCenters = fb.scalar<std::uint8_t>(t, 3, 0, "half_pixel_centers") != 0;
        break;
    case kReshape:
        expect(options_tag::reshape);
        o.newShape = fb.scalars<std::int32_t>(t, 0, "new shape");
        break;
    case kDepthToSpace:
        expect(options_tag::depthToSpace);
        o.blockSize = fb.scalar<std::int32_t>(t, 0, 0, "block size");
        break;
    default: break;  // options of other operators are not interpreted (the executor refuses them)
    }
    return o;
}

TfliteModel parse(const FlatbufferView& fb, const std::string& source) {
    if (fb.size() < 8 || fb.fileIdentifier() != "TFL3") {
        throw FlatbufferError("not a TensorFlow Lite model (no 'TFL3' identifier)");
    }
    const FlatTable root = fb.root();
    TfliteModel model;
    model.source = source;
    model.schemaVersion = fb.scalar<std::uint32_t>(root, model_field::version, 0, "schema version");
    if (model.schemaVersion != 3) throw FlatbufferError("schema version " + std::to_string(model.schemaVersion) + " (expected 3)");
    model.description = fb.string(root, model_field::description, "description");

    struct OpCode { int code; std::string name; int version; };
    std::vector<OpCode> codes;
    for (const FlatTable& c : fb.tables(root, model_field::operatorCodes, "operator codes")) {
        const int deprecated = fb.scalar<std::int8_t>(c, opcode_field::deprecatedCode, 0, "operator code");
        const int builtin = fb.scalar<std::int32_t>(c, opcode_field::builtinCode, 0, "operator code");
        // Files from before builtin_code existed carry the code in the deprecated byte only.
        const int code = std::max(deprecated, builtin);
        std::string name = tfliteBuiltinName(code);
        if (code == tflite_op::kCustom) name += ":" + fb.string(c, opcode_field::customCode, "custom code");
        codes.push_back({code, name, fb.scalar<std::int32_t>(c, opcode_field::version, 1, "operator version")});
    }

    const auto buffers = fb.tables(root, model_field::buffers, "buffers");
    const auto subgraphs = fb.tables(root, model_field::subgraphs, "subgraphs");
    model.subgraphCount = static_cast<int>(subgraphs.size());
    if (subgraphs.empty()) throw FlatbufferError("the model has no subgraph");
    const FlatTable& graph = subgraphs.front();

    const auto tensors = fb.tables(graph, subgraph_field::tensors, "tensors");
    for (std::size_t i = 0; i < tensors.size(); ++i) {
        const FlatTable& t = tensors[i];
        TfliteTensor tensor;
        tensor.name = fb.string(t, tensor_field::name, "tensor name");
        tensor.shape = fb.scalars<std::int32_t>(t, tensor_field::shape, "tensor shape");
        tensor.type = fb.scalar<std::int8_t>(t, tensor_field::type, 0, "tensor type");
        const std::string what = "tensor " + std::to_string(i) + " '" + tensor.name + "'";
        for (std::int32_t d : tensor.shape) {
            if (d < 0 || d > (1 << 24)) throw FlatbufferError(what + " has dimension " + std::to_string(d) + " in shape " + shapeText(tensor.shape));
        }
        if (tensor.elementCount() > (std::int64_t(1) << 28)) throw FlatbufferError(what + " is implausibly large " + shapeText(tensor.shape));
        const std::uint32_t bufferIndex = fb.scalar<std::uint32_t>(t, tensor_field::buffer, 0, "tensor buffer");
        if (bufferIndex >= buffers.size()) {
            if (bufferIndex != 0 || !buffers.empty()) throw FlatbufferError(what + " refers to buffer " + std::to_string(bufferIndex) + " of " + std::to_string(buffers.size()));
        } else {
            const FlatTable& b = buffers[bufferIndex];
            const auto data = fb.vector(b, buffer_field::data, 1, "buffer data");
            const std::uint64_t offset = fb.scalar<std::uint64_t>(b, buffer_field::offset, 0, "buffer offset");
            const std::uint64_t size = fb.scalar<std::uint64_t>(b, buffer_field::size, 0, "buffer size");
            if (data.size > 0) {
                tensor.data.assign(fb.data() + data.first, fb.data() + data.first + data.size);
            } else if (offset > 1 && size > 0) {  // large models keep buffers after the FlatBuffer
                if (offset > fb.size() || size > fb.size() - offset) throw FlatbufferError(what + "'s data lies past the end of the file");
                tensor.data.assign(fb.data() + offset, fb.data() + offset + size);
            }
        }
        if (tensor.isConstant()) {
            const int elementSize = tfliteTypeSize(tensor.type);
            FlatTable sparsity;
            if (fb.table(t, tensor_field::sparsity, &sparsity, "sparsity")) {
                if (elementSize == 0) throw FlatbufferError(what + " is sparse of unsupported type " + tfliteTypeName(tensor.type));
                try {
                    tensor.data = densify(fb, sparsity, tensor, tensor.data);
                } catch (const FlatbufferError& e) {
                    throw FlatbufferError(what + ": " + e.what());
                }
                tensor.wasSparse = true;
            } else if (elementSize != 0 && static_cast<std::int64_t>(tensor.data.size()) != tensor.elementCount() * elementSize) {
                throw FlatbufferError(what + " holds " + std::to_string(tensor.data.size()) + " bytes, its shape " + shapeText(tensor.shape) +
                                      " of " + tfliteTypeName(tensor.type) + " needs " + std::to_string(tensor.elementCount() * elementSize));
            }
        }
        model.tensors.push_back(std::move(tensor));
    }

    const auto count = static_cast<std::int32_t>(model.tensors.size());
    auto checkIndices = [&](const std::vector<std::int32_t>& indices, bool optionalAllowed, const std::string& what) {
        for (std::int32_t i : indices) {
            if ((i < 0 && !(optionalAllowed && i == -1)) || i >= count) {
                throw FlatbufferError(what + " refers to tensor " + std::to_string(i) + " of " + std::to_string(count));
            }
        }
    };
    model.inputs = fb.scalars<std::int32_t>(graph, subgraph_field::inputs, "graph inputs");
    model.outputs = fb.scalars<std::int32_t>(graph, subgraph_field::outputs, "graph outputs");
    checkIndices(model.inputs, false, "graph input");
    checkIndices(model.outputs, false, "graph output");

    const auto operators = fb.tables(graph, subgraph_field::operators, "operators");
    for (std::size_t i = 0; i < operators.size(); ++i) {
        const FlatTable& o = operators[i];
        const std::uint32_t codeIndex = fb.scalar<std::uint32_t>(o, operator_field::opcodeIndex, 0, "operator code index");
        if (codeIndex >= codes.size()) throw FlatbufferError("operator " + std::to_string(i) + " uses operator code " + std::to_string(codeIndex) + " of " + std::to_string(codes.size()));
        TfliteOperator op;
        op.builtinCode = codes[codeIndex].code;
        op.name = codes[codeIndex].name;
        op.version = codes[codeIndex].version;
        op.inputs = fb.scalars<std::int32_t>(o, operator_field::inputs, "operator inputs");
        op.outputs = fb.scalars<std::int32_t>(o, operator_field::outputs, "operator outputs");
        const std::string what = "operator " + std::to_string(i) + " (" + op.name + ")";
        checkIndices(op.inputs, true, what);
        checkIndices(op.outputs, false, what);
        try {
            op.options = readOptions(fb, o, op.builtinCode);
        } catch (const FlatbufferError& e) {
            throw FlatbufferError(what + ": " + e.what());
        }
        model.operators.push_back(std::move(op));
    }
    return model;
}

}  // namespace

std::int64_t TfliteTensor::elementCount() const {
    std::int64_t n = 1;
    for (std::int32_t d : shape) n *= d;
    return n;
}

std::string tfliteBuiltinName(int code) {
    if (code >= 0 && code < static_cast<int>(kBuiltinNames.size())) return kBuiltinNames[code];
    return "OP_" + std::to_string(code);
}

std::string tfliteTypeName(int code) {
    static const char* names[] = {"FLOAT32", "FLOAT16", "INT32", "UINT8", "INT64", "STRING", "BOOL", "INT16",
                                  "COMPLEX64", "INT8", "FLOAT64", "COMPLEX128", "UINT64", "RESOURCE", "VARIANT", "UINT32"};
    if (code >= 0 && code < static_cast<int>(std::size(names))) return names[code];
    return "TYPE_" + std::to_string(code);
}

int tfliteTypeSize(int code) {
    switch (static_cast<TfliteType>(code)) {
    case TfliteType::Float32: case TfliteType::Int32: return 4;
    case TfliteType::Float16: return 2;
    case TfliteType::UInt8: case TfliteType::Int8: return 1;
    case TfliteType::Int64: return 8;
    }
    return 0;
}

std::string tfliteActivationName(int code) {
    static const char* names[] = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT"};
    if (code >= 0 && code < static_cast<int>(std::size(names))) return names[code];
    return "ACTIVATION_" + std::to_string(code);
}

Result<TfliteModel> parseTfliteModel(const std::vector<std::uint8_t>& bytes, const std::string& source) {
    try {
        return parse(FlatbufferView(bytes.data(), bytes.size()), source);
    } catch (const FlatbufferError& e) {
        return makeError(source + ": " + e.what());
    } catch (const std::bad_alloc&) {
        return makeError(source + ": not enough memory to read the model");
    }
}

Result<TfliteModel> readTfliteModel(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(path + ": cannot open the model file");
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return makeError(path + ": read error");
    return parseTfliteModel(bytes, path);
}

}  // namespace actionlens::pose
