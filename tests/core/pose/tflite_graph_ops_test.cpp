// TfliteGraph's operator semantics on tiny hand-made graphs, checked against values worked out
// from TFLite's definitions (NHWC): the places where TFLite and LibTorch differ.

#include "core/pose/tflite_graph.h"

#include <gtest/gtest.h>

#include <cstring>

namespace actionlens::pose {
namespace {

TfliteTensor activation(std::vector<std::int32_t> shape, const std::string& name = "t") {
    TfliteTensor t;
    t.name = name;
    t.shape = std::move(shape);
    t.type = static_cast<int>(TfliteType::Float32);
    return t;
}

template <typename T>
TfliteTensor constant(std::vector<std::int32_t> shape, const std::vector<T>& values, TfliteType type) {
    TfliteTensor t = activation(std::move(shape), "const");
    t.type = static_cast<int>(type);
    t.data.resize(values.size() * sizeof(T));
    std::memcpy(t.data.data(), values.data(), t.data.size());
    return t;
}

// One operator from tensor 0 (input) to tensor 1 (output), extra operands appended.
TfliteModel singleOp(int code, TfliteTensor input, TfliteTensor output, std::vector<TfliteTensor> extra = {}, TfliteOptions options = {}) {
    TfliteModel m;
    m.source = "test.tflite";
    m.schemaVersion = 3;
    m.subgraphCount = 1;
    m.tensors = {std::move(input), std::move(output)};
    TfliteOperator op;
    op.builtinCode = code;
    op.name = tfliteBuiltinName(code);
    op.inputs = {0};
    for (auto& t : extra) {
        op.inputs.push_back(static_cast<std::int32_t>(m.tensors.size()));
        m.tensors.push_back(std::move(t));
    }
    op.outputs = {1};
    op.options = std::move(options);
    m.operators = {op};
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

std::vector<float> runOne(const TfliteModel& model, std::vector<float> input) {
    auto graph = TfliteGraph::fromModel(model);
    EXPECT_TRUE(graph.ok()) << (graph.ok() ? "" : graph.error());
    if (!graph.ok()) return {};
    FloatTensor x{graph->inputs()[0].shape, std::move(input)};
    auto out = graph->run({x});
    EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error());
    return out.ok() ? out.value()[0].values : std::vector<float>{};
}

std::vector<float> iota(int n) {
    std::vector<float> v(n);
    for (int i = 0; i < n; ++i) v[i] = static_cast<float>(i);
    return v;
}

TEST(TfliteGraphOps, DepthToSpaceUsesTfliteChannelOrder) {
    // 1x1x1x8 -> 1x2x2x2: out[0, i, j, c] = in[0, 0, 0, (i*2+j)*2 + c].
    TfliteOptions o;
    o.blockSize = 2;
    const auto out = runOne(singleOp(tflite_op::kDepthToSpace, activation({1, 1, 1, 8}), activation({1, 2, 2, 2}), {}, o), iota(8));
    EXPECT_EQ(out, iota(8));  // NHWC output reads back in input order; pixel_shuffle would give 0,2,4,6,1,3,5,7
}

TEST(TfliteGraphOps, SamePaddingWithStrideTwoPadsAfterOnly) {
    // 1x4x4x1 input 0..15, 2x2 all-ones filter, stride 2, SAME: TF pads 0 before and 0 after
    // for 4/2; with a 3x3 filter the total is 1, all of it after (bottom/right).
    TfliteOptions o;
    o.padding = TflitePadding::Same;
    o.strideW = o.strideH = 2;
    const auto filter = constant<float>({1, 3, 3, 1}, std::vector<float>(9, 1.0f), TfliteType::Float32);
    const auto out = runOne(singleOp(tflite_op::kConv2d, activation({1, 4, 4, 1}), activation({1, 2, 2, 1}), {filter}, o), iota(16));
    // out(0,0) = sum rows 0-2, cols 0-2 = 0+1+2+4+5+6+8+9+10 = 45; out(0,1) = cols 2-4 (4 is padding) = 2+3+6+7+10+11 = 39
    // out(1,0) = rows 2-4: 8+9+10+12+13+14 = 66; out(1,1) = 10+11+14+15 = 50
    EXPECT_EQ(out, (std::vector<float>{45, 39, 66, 50}));
}

TEST(TfliteGraphOps, ConvWeightsAreOhwiAndFusedRelu6Clamps) {
    // 1x1x1x2 input (1, 2); filter O=2 x 1 x 1 x I=2: o0 = 1*x0 + 10*x1, o1 = -1*x0 + 0*x1; bias (0, 0.5).
    TfliteOptions o;
    o.padding = TflitePadding::Valid;
    o.activation = static_cast<int>(TfliteActivation::Relu6);
    const auto filter = constant<float>({2, 1, 1, 2}, {1, 10, -1, 0}, TfliteType::Float32);
    const auto bias = constant<float>({2}, {0, 0.5f}, TfliteType::Float32);
    const auto out = runOne(singleOp(tflite_op::kConv2d, activation({1, 1, 1, 2}), activation({1, 1, 1, 2}), {filter, bias}, o), {1, 2});
    EXPECT_EQ(out, (std::vector<float>{6, 0}));  // 21 clamped to 6; -0.5 clamped to 0
}

TEST(TfliteGraphOps, DepthwiseFilterIsOneHwc) {
    // 2 channels, 1x2 filter per channel: channel 0 weights (1, 2), channel 1 weights (10, 20).
    TfliteOptions o;
    o.padding = TflitePadding::Valid;
    const auto filter = constant<float>({1, 1, 2, 2}, {1, 10, 2, 20}, TfliteType::Float32);
    // input 1x1x2x2 NHWC: pixel0 = (1, 3), pixel1 = (2, 4)
    const auto out = runOne(singleOp(tflite_op::kDepthwiseConv2d, activation({1, 1, 2, 2}), activation({1, 1, 1, 2}), {filter}, o), {1, 3, 2, 4});
    EXPECT_EQ(out, (std::vector<float>{1 * 1 + 2 * 2, 3 * 10 + 4 * 20}));
}

TEST(TfliteGraphOps, ReshapeFollowsNhwcOrder) {
    // 1x2x2x3 NHWC -> 1x12: the flat order of the NHWC values, not of NCHW.
    const auto out = runOne(singleOp(tflite_op::kReshape, activation({1, 2, 2, 3}), activation({1, 12})), iota(12));
    EXPECT_EQ(out, iota(12));
}

TEST(TfliteGraphOps, ConcatenationOnTheChannelAxis) {
    TfliteModel m = singleOp(tflite_op::kConcatenation, activation({1, 1, 2, 1}), activation({1, 1, 2, 2}),
                             {constant<float>({1, 1, 2, 1}, {10, 20}, TfliteType::Float32)});
    m.operators[0].options.axis = -1;
    EXPECT_EQ(runOne(m, {1, 2}), (std::vector<float>{1, 10, 2, 20}));
}

TEST(TfliteGraphOps, Fp16WeightsAreDequantisedAtLoad) {
    // FP16 filter (0x3C00 = 1.0, 0x4000 = 2.0) through DEQUANTIZE into a 1x1 conv.
    TfliteModel m = singleOp(tflite_op::kConv2d, activation({1, 1, 1, 2}), activation({1, 1, 1, 1}),
                             {activation({1, 1, 1, 2}, "filter")});
    m.operators[0].options.padding = TflitePadding::Valid;
    m.tensors.push_back(constant<std::uint16_t>({1, 1, 1, 2}, {0x3C00, 0x4000}, TfliteType::Float16));
    TfliteOperator dq;
    dq.builtinCode = tflite_op::kDequantize;
    dq.name = "DEQUANTIZE";
    dq.inputs = {3};
    dq.outputs = {2};
    m.operators.insert(m.operators.begin(), dq);
    auto graph = TfliteGraph::fromModel(m);
    ASSERT_TRUE(graph.ok()) << graph.error();
    EXPECT_EQ(graph->operatorCount(), 1);  // DEQUANTIZE folded away
    auto out = graph->run({FloatTensor{{1, 1, 1, 2}, {3, 4}}});
    ASSERT_TRUE(out.ok()) << out.error();
    EXPECT_EQ(out.value()[0].values, (std::vector<float>{3 + 8}));
}

TEST(TfliteGraphOps, ResizeBilinearHalfPixelCentres) {
    // 1x1x2x1 (0, 1) -> 1x1x4x1 with half-pixel centres: 0, 0.25, 0.75, 1.
    TfliteOptions o;
    o.halfPixelCenters = true;
    const auto out = runOne(singleOp(tflite_op::kResizeBilinear, activation({1, 1, 2, 1}), activation({1, 1, 4, 1}), {}, o), {0, 1});
    EXPECT_EQ(out, (std::vector<float>{0, 0.25f, 0.75f, 1}));
}

TEST(TfliteGraphOps, UnsupportedOperatorsAndOptionsAreNamed) {
    auto softmax = TfliteGraph::fromModel(singleOp(25, activation({1, 4}), activation({1, 4})));
    ASSERT_FALSE(softmax.ok());
    EXPECT_NE(softmax.error().find("SOFTMAX is not supported"), std::string::npos) << softmax.error();

    TfliteOptions sign;
    sign.activation = static_cast<int>(TfliteActivation::SignBit);
    auto add = TfliteGraph::fromModel(singleOp(tflite_op::kAdd, activation({1, 4}), activation({1, 4}), {activation({1, 4})}, sign));
    ASSERT_FALSE(add.ok());
    EXPECT_NE(add.error().find("SIGN_BIT"), std::string::npos) << add.error();

    TfliteOptions legacy;  // neither half_pixel_centers nor align_corners
    auto resize = TfliteGraph::fromModel(singleOp(tflite_op::kResizeBilinear, activation({1, 2, 2, 1}), activation({1, 4, 4, 1}), {}, legacy));
    ASSERT_FALSE(resize.ok());
    EXPECT_NE(resize.error().find("RESIZE_BILINEAR"), std::string::npos) << resize.error();
}

TEST(TfliteGraphOps, WrongInputShapeIsAnError) {
    auto graph = TfliteGraph::fromModel(singleOp(tflite_op::kLogistic, activation({1, 4}), activation({1, 4})));
    ASSERT_TRUE(graph.ok()) << graph.error();
    auto out = graph->run({FloatTensor{{1, 5}, std::vector<float>(5, 0.0f)}});
    ASSERT_FALSE(out.ok());
    EXPECT_NE(out.error().find("[1,4]"), std::string::npos) << out.error();
}

}  // namespace
}  // namespace actionlens::pose
