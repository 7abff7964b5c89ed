#include "core/train/train_config.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

TEST(TrainConfig, DefaultsRoundTripAndEveryOptionIsDocumented) {
    TrainConfig changed;
    changed.epochs = 7;
    changed.trunk.channels = {16, 32, 64};
    changed.trunk.temporalStrides = {1, 2, 2};
    changed.weighting.strategy = model::WeightingStrategy::DynamicWeightAverage;
    changed.augmentation.noiseStd = 0.05;
    changed.tasks = {"action", "group"};
    changed.seed = 4000000000u;
    const JsonValue json = trainConfigToJson(changed, true);
    Result<TrainConfig> back = trainConfigFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(trainConfigToJson(back.value()).write(), trainConfigToJson(changed).write());
    EXPECT_EQ(back->seed, 4000000000u);
    const JsonValue* doc = json.find("_doc");
    ASSERT_NE(doc, nullptr);
    // One documented key per option, each naming its default.
    EXPECT_EQ(doc->members().size() + 1, json.members().size());
    for (const auto& [key, help] : doc->members()) {
        EXPECT_NE(json.find(key), nullptr) << key;
        EXPECT_NE(help.asString().find("(default "), std::string::npos) << key;
    }
    EXPECT_NE(doc->find("epochs")->asString().find("(default 30)"), std::string::npos);
}

TEST(TrainConfig, MissingKeysKeepDefaultsAndBadOnesAreNamed) {
    Result<TrainConfig> partial = trainConfigFromJson(parseJson("{\"epochs\": 3, \"weighting\": \"gradnorm\"}").value());
    ASSERT_TRUE(partial.ok()) << partial.error();
    EXPECT_EQ(partial->epochs, 3);
    EXPECT_EQ(partial->batchSize, TrainConfig().batchSize);
    EXPECT_EQ(partial->weighting.strategy, model::WeightingStrategy::GradNorm);

    auto error = [](const std::string& text) {
        Result<TrainConfig> c = trainConfigFromJson(parseJson(text).value());
        return c.ok() ? std::string("accepted") : c.error();
    };
    EXPECT_EQ(error("{\"epoch\": 3}"), "unknown config key 'epoch' (see the _doc of a config written by --write-config)");
    EXPECT_EQ(error("{\"epochs\": 2.5}"), "config key 'epochs': expected a whole number from 1 to 1000000000");
    EXPECT_EQ(error("{\"augment\": 1}"), "config key 'augment': expected true or false");
    EXPECT_EQ(error("{\"weighting\": \"loud\"}"),
              "config key 'weighting': expected one of equal, fixed, uncertainty, dwa, gradnorm");
    EXPECT_EQ(error("{\"device\": \"tpu\"}"), "device is 'tpu', expected auto, cpu or cuda");
    EXPECT_EQ(error("{\"mixed_precision\": \"fp8\"}"), "mixed_precision is 'fp8', expected off or bf16");
    EXPECT_NE(error("{\"pcgrad\": true, \"weighting\": \"uncertainty\"}").find("pcgrad"), std::string::npos);
    EXPECT_NE(error("{\"validation_fraction\": 1.5}").find("validation_fraction"), std::string::npos);
}

}  // namespace
}  // namespace actionlens::train
