#include "core/train/json_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace actionlens::train {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsonText, ParsesWhatItWritesAndKeepsKeyOrder) {
    Json root = Json::object();
    root["name"] = "a \"quoted\" name\n";
    root["epochs"] = 30;
    root["rate"] = 0.001;
    root["flags"] = Json::array({true, false, nullptr});
    root["trunk"]["channels"] = Json::array({32, 64});
    for (int indent : {-1, 2}) {
        Result<Json> back = parseJson(writeJson(root, indent));
        ASSERT_TRUE(back.ok()) << back.error();
        EXPECT_EQ(writeJson(*back, indent), writeJson(root, indent));
        EXPECT_EQ(back->begin().key(), "name");
        EXPECT_EQ(back->at("name").get<std::string>(), "a \"quoted\" name\n");
        EXPECT_EQ(back->at("rate").get<double>(), 0.001);
        EXPECT_EQ(back->at("trunk").at("channels")[1].get<double>(), 64.0);
        EXPECT_TRUE(back->at("flags")[2].is_null());
    }
    EXPECT_EQ(writeJson(Json(std::nan(""))), "null");
    EXPECT_EQ(writeJson(Json(-INFINITY)), "null");
    EXPECT_EQ(parseJson("\"\\u00e9\\ud83d\\ude00\"")->get<std::string>(), "\xc3\xa9\xf0\x9f\x98\x80");
}

TEST(JsonText, WritesTheFilesLayout) {
    // Plain arrays on one line, objects one member per line, whole doubles without a fraction,
    // other doubles in their shortest exact form.
    Json root = Json::object();
    root["z"] = Json::array({1, 2.5, 0.1f});
    root["a"] = Json::object({{"empty", Json::array()}, {"none", Json::object()}, {"one", 1.0}});
    root["rows"] = Json::array({Json::array({1, 2}), Json::object({{"x", "y"}})});
    EXPECT_EQ(writeJson(root),
              "{\n"
              "  \"z\": [1, 2.5, 0.10000000149011612],\n"
              "  \"a\": {\n"
              "    \"empty\": [],\n"
              "    \"none\": {},\n"
              "    \"one\": 1\n"
              "  },\n"
              "  \"rows\": [\n"
              "    [1, 2],\n"
              "    {\n"
              "      \"x\": \"y\"\n"
              "    }\n"
              "  ]\n"
              "}");
    EXPECT_EQ(writeJson(root, -1),
              "{\"z\": [1, 2.5, 0.10000000149011612], \"a\": {\"empty\": [], \"none\": {}, \"one\": 1}, "
              "\"rows\": [[1, 2], {\"x\": \"y\"}]}");
    EXPECT_EQ(writeJson(Json(1e300)), "1e+300");
    EXPECT_EQ(writeJson(Json(std::int64_t(-4294967296))), "-4294967296");
    // Strings are written as given (nlohmann's own dump would throw on bytes that are not UTF-8);
    // reading refuses such bytes, as RFC 8259 does.
    EXPECT_EQ(writeJson(Json(std::string("a\xff"))), "\"a\xff\"");
    EXPECT_EQ(parseJson("\"a\xff\"").error(), "line 1, column 3: invalid string: ill-formed UTF-8 byte");
}

TEST(JsonText, ErrorsNameLineAndColumn) {
    auto error = [](const std::string& text) {
        Result<Json> parsed = parseJson(text);
        return parsed.ok() ? std::string("(parsed)") : parsed.error();
    };
    EXPECT_EQ(error("{\n  \"a\": 1\n  \"b\": 2\n}"), "line 3, column 3: expected ',' or '}' in an object");
    EXPECT_EQ(error("{\"a\": 1, \"a\": 2}"), "line 1, column 10: key 'a' appears twice");
    EXPECT_EQ(error("{\"a\": {\"b\": 1, \"b\": [1]}}"), "line 1, column 16: key 'b' appears twice");
    EXPECT_EQ(error("[1, 2"), "line 1, column 6: expected ',' or ']' in an array");
    EXPECT_EQ(error("[1, ]"), "line 1, column 5: unexpected ']', expected a value");
    EXPECT_EQ(error(""), "line 1, column 1: unexpected end of text, expected a value");
    EXPECT_EQ(error("{} extra"), "line 1, column 4: unexpected text after the JSON value");
    EXPECT_EQ(error("{\"a\": 1,}"), "line 1, column 9: expected a quoted key");
    EXPECT_EQ(error("{\"a\" 1}"), "line 1, column 6: expected ':' after key 'a'");
    EXPECT_EQ(error("{\"a\": 1e999}"), "line 1, column 7: number out of range");
    EXPECT_EQ(error("[tru]"), "line 1, column 5: invalid literal");
    EXPECT_EQ(error("\"abc"), "line 1, column 5: invalid string: missing closing quote");
    EXPECT_FALSE(parseJson("01x").ok());
    EXPECT_FALSE(parseJson("{\"a\": \"\x01\"}").ok());
    std::string deep(65, '[');
    EXPECT_EQ(error(deep + std::string(65, ']')), "line 1, column 65: nesting deeper than 64 levels");
    EXPECT_TRUE(parseJson(std::string(64, '[') + std::string(64, ']')).ok());
}

TEST(JsonText, FilesAreReadWholeAndErrorsNameThem) {
    const std::string path = (std::filesystem::temp_directory_path() / "actionlens_json_text_test.json").string();
    std::ofstream(path) << "{\"x\": [1, 2.5]}";
    Result<Json> read = readJsonFile(path);
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read->at("x")[1].get<double>(), 2.5);
    std::ofstream(path) << "{\"x\":\n [1 2.5]}";
    Result<Json> broken = readJsonFile(path);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error(), path + ": line 2, column 5: expected ',' or ']' in an array");
    std::filesystem::remove(path);
    Result<Json> missing = readJsonFile(path);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error(), "cannot open '" + path + "'");
}

TEST(JsonText, QuotesAndFindsMembers) {
    EXPECT_EQ(jsonQuoted(std::string("a\x01") + "\xc3\xa9"), "\"a\\u0001\xc3\xa9\"");
    EXPECT_EQ(jsonQuoted("tab\there \"q\" \\"), "\"tab\\there \\\"q\\\" \\\\\"");
    const Json object = Json::object({{"k", 1}});
    ASSERT_NE(findMember(object, "k"), nullptr);
    EXPECT_EQ(findMember(object, "k")->get<int>(), 1);
    EXPECT_EQ(findMember(object, "other"), nullptr);
    EXPECT_EQ(findMember(Json::array({1}), "k"), nullptr);
}

}  // namespace
}  // namespace actionlens::train
