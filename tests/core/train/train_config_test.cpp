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
    changed.augmentation.forceMirrorUndeclared = true;
    changed.trunk.boneFeatures = false;  // on by default
    changed.tasks = {"action", "group"};
    changed.seed = 4000000000u;
    const nlohmann::ordered_json json = trainConfigToJson(changed, true);
    Result<TrainConfig> back = trainConfigFromJson(json);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(writeJson(trainConfigToJson(back.value())), writeJson(trainConfigToJson(changed)));
    EXPECT_EQ(back->seed, 4000000000u);
    EXPECT_TRUE(back->augmentation.forceMirrorUndeclared);
    EXPECT_FALSE(back->trunk.boneFeatures);
    EXPECT_TRUE(back->trunk.motionFeatures);
    const nlohmann::ordered_json* doc = findMember(json, "_doc");
    ASSERT_NE(doc, nullptr);
    // One documented key per option, each naming its default, in the options' order.
    EXPECT_EQ(doc->size() + 1, json.size());
    size_t option = 0;
    for (const auto& [key, help] : doc->items()) {
        EXPECT_NE(findMember(json, key), nullptr) << key;
        EXPECT_EQ(key, trainConfigOptions()[option++].key);
        EXPECT_NE(help.get<std::string>().find("(default "), std::string::npos) << key;
    }
    EXPECT_NE(doc->at("epochs").get<std::string>().find("(default 45)"), std::string::npos);
    // The file reads like its documentation: the options in order, whole numbers without a
    // fraction, lists on one line.
    const std::string text = writeJson(trainConfigToJson(changed));
    EXPECT_EQ(text.rfind("{\n  \"frames\": 32,\n  \"tasks\": [\"action\", \"group\"],\n", 0), 0u) << text;
    EXPECT_NE(text.find("\n  \"trunk_channels\": [16, 32, 64],\n"), std::string::npos) << text;
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
    EXPECT_EQ(error("{\"bone_features\": \"yes\"}"), "config key 'bone_features': expected true or false");
    EXPECT_EQ(error("{\"weighting\": \"loud\"}"),
              "config key 'weighting': expected one of equal, fixed, uncertainty, dwa, gradnorm");
    EXPECT_EQ(error("{\"device\": \"tpu\"}"), "device is 'tpu', expected auto, cpu or cuda");
    EXPECT_EQ(error("{\"mixed_precision\": \"fp8\"}"), "mixed_precision is 'fp8', expected off or bf16");
    EXPECT_NE(error("{\"pcgrad\": true, \"weighting\": \"uncertainty\"}").find("pcgrad"), std::string::npos);
    EXPECT_NE(error("{\"validation_fraction\": 1.5}").find("validation_fraction"), std::string::npos);
}

}  // namespace
}  // namespace actionlens::train
