#pragma once

// TfliteModel: the first subgraph of a .tflite file (TensorFlow Lite's FlatBuffers container)
// as plain data: tensors with their constant bytes, operators with their options. Sparse
// constants (TFLite's SparsityParameters, e.g. CSR) are densified here, so every constant's
// bytes are dense, row-major, little-endian in the tensor's own type. What the graph means is
// left to TfliteGraph; this is the file format only.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::pose {

// TFLite's TensorType codes (schema.fbs).
enum class TfliteType : std::int8_t { Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, Int8 = 9 };
std::string tfliteTypeName(int code);
// Bytes per element, 0 for types this reader does not decode.
int tfliteTypeSize(int code);

enum class TflitePadding : std::int8_t { Same = 0, Valid = 1 };
// Fused activations: NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT.
enum class TfliteActivation : std::int8_t { None = 0, Relu = 1, ReluMinus1To1 = 2, Relu6 = 3, Tanh = 4, SignBit = 5 };
std::string tfliteActivationName(int code);

struct TfliteTensor {
    std::string name;
    std::vector<std::int32_t> shape;
    int type = 0;                    // TfliteType code (kept as int: the file may hold others)
    std::vector<std::uint8_t> data;  // constant's dense bytes; empty for activations
    bool wasSparse = false;          // data was densified from SparsityParameters
    bool isConstant() const { return !data.empty(); }
    std::int64_t elementCount() const;
};

// The builtin options of the operators BlazePose uses, read from whichever options table the
// operator has; fields an operator does not have keep their defaults.
struct TfliteOptions {
    int optionsType = 0;  // BuiltinOptions union tag as stored
    TflitePadding padding = TflitePadding::Same;
    int strideW = 1, strideH = 1;
    int dilationW = 1, dilationH = 1;
    int depthMultiplier = 1;
    int filterW = 1, filterH = 1;
    int activation = 0;  // TfliteActivation code
    int axis = 0;
    bool alignCorners = false;
    bool halfPixelCenters = false;
    int blockSize = 0;
    std::vector<std::int32_t> newShape;
};

struct TfliteOperator {
    int builtinCode = 0;
    std::string name;  // "CONV_2D", "CUSTOM:name", ...
    int version = 1;
    std::vector<std::int32_t> inputs;   // tensor indices; -1 = optional input left out
    std::vector<std::int32_t> outputs;
    TfliteOptions options;
};

struct TfliteModel {
    std::string source;  // file path, for messages
    std::uint32_t schemaVersion = 0;
    std::string description;
    int subgraphCount = 0;
    std::vector<TfliteTensor> tensors;
    std::vector<std::int32_t> inputs;
    std::vector<std::int32_t> outputs;
    std::vector<TfliteOperator> operators;
};

// Reads and checks the whole file: every offset and index is validated, so a truncated or
// foreign file gives an error naming the file and what was wrong.
Result<TfliteModel> readTfliteModel(const std::string& path);
Result<TfliteModel> parseTfliteModel(const std::vector<std::uint8_t>& bytes, const std::string& source);

// The builtin operator's name as TFLite's schema spells it ("DEPTHWISE_CONV_2D"), or "OP_<code>".
std::string tfliteBuiltinName(int code);

// Builtin codes the executor knows (schema.fbs BuiltinOperator).
namespace tflite_op {
constexpr int kAdd = 0;
constexpr int kConcatenation = 2;
constexpr int kConv2d = 3;
constexpr int kDepthwiseConv2d = 4;
constexpr int kDepthToSpace = 5;
constexpr int kDequantize = 6;
constexpr int kLogistic = 14;
constexpr int kMaxPool2d = 17;
constexpr int kReshape = 22;
constexpr int kResizeBilinear = 23;
constexpr int kCustom = 32;
constexpr int kPad = 34;
constexpr int kDensify = 124;
}  // namespace tflite_op

}  // namespace actionlens::pose
