#include "core/train/json_value.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

namespace actionlens::train {
namespace {

TEST(JsonValue, ParsesWhatItWritesAndKeepsKeyOrder) {
    JsonValue root = JsonValue::object();
    root.set("name", "a \"quoted\" name\n");
    root.set("epochs", 30);
    root.set("rate", 0.001);
    root.set("flags", JsonValue::array({true, false, JsonValue()}));
    JsonValue nested = JsonValue::object();
    nested.set("channels", JsonValue::array({32, 64}));
    root.set("trunk", nested);
    for (int indent : {-1, 2}) {
        Result<JsonValue> back = parseJson(root.write(indent));
        ASSERT_TRUE(back.ok()) << back.error();
        EXPECT_EQ(back->write(indent), root.write(indent));
        EXPECT_EQ(back->members().front().first, "name");
        EXPECT_EQ(back->find("name")->asString(), "a \"quoted\" name\n");
        EXPECT_EQ(back->find("rate")->asNumber(), 0.001);
        EXPECT_EQ(back->find("trunk")->find("channels")->items()[1].asNumber(), 64.0);
        EXPECT_TRUE(back->find("flags")->items()[2].isNull());
    }
    EXPECT_EQ(JsonValue(std::nan("")).write(), "null");
    EXPECT_EQ(parseJson("\"\\u00e9\\ud83d\\ude00\"")->asString(), "\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(JsonValue, ErrorsNameLineAndColumn) {
    Result<JsonValue> missingComma = parseJson("{\n  \"a\": 1\n  \"b\": 2\n}");
    ASSERT_FALSE(missingComma.ok());
    EXPECT_EQ(missingComma.error(), "line 3, column 3: expected ',' or '}' in an object");
    EXPECT_FALSE(parseJson("{\"a\": 1, \"a\": 2}").ok());
    EXPECT_FALSE(parseJson("[1, 2").ok());
    EXPECT_FALSE(parseJson("01x").ok());
    EXPECT_FALSE(parseJson("").ok());
    EXPECT_FALSE(parseJson("{} extra").ok());
}

TEST(JsonValue, FilesAreWrittenWhole) {
    const std::string path = (std::filesystem::temp_directory_path() / "actionlens_json_value_test.json").string();
    ASSERT_TRUE(writeTextFileAtomically(path, "{\"x\": [1, 2.5]}").ok());
    Result<JsonValue> read = readJsonFile(path);
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->find("x")->items()[1].asNumber(), 2.5);
    std::filesystem::remove(path);
    Result<JsonValue> missing = readJsonFile(path);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find(path), std::string::npos);
    EXPECT_FALSE(writeTextFileAtomically("/nonexistent-folder/x.json", "{}").ok());
}

}  // namespace
}  // namespace actionlens::train
