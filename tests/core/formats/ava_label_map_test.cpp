#include "core/formats/ava_label_map.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::formats;

TEST(AvaLabelMap, ReadsTheItemAndTheLabelLayoutsSkippingOtherFields) {
    const std::string text =
        "# AVA action list\n"
        "item {\n  name: \"bend/bow (at the waist)\"\n  id: 1\n}\n"
        "label {\n  name: \"crouch/kneel\"\n  label_id: 3\n  label_type: PERSON_MOVEMENT\n}\n"
        "item { name: 'dance' id: 4 }\n";
    auto labels = parseAvaLabelMap(text, "actions.pbtxt");
    ASSERT_TRUE(labels.ok()) << labels.error();
    EXPECT_EQ(labels.value(), (AvaLabelMap{{1, "bend/bow (at the waist)"}, {3, "crouch/kneel"}, {4, "dance"}}));
}

TEST(AvaLabelMap, WrittenNamesWithQuotesAndBackslashesReadBack) {
    const AvaLabelMap labels{{1, "say \"hi\""}, {2, "a\\b"}, {12, "squat"}};
    auto read = parseAvaLabelMap(writeAvaLabelMap(labels), "actions.pbtxt");
    ASSERT_TRUE(read.ok()) << read.error();
    EXPECT_EQ(read.value(), labels);
}

TEST(AvaLabelMap, MalformedEntriesNameTheLineAndTheReason) {
    const std::pair<std::string, std::string> cases[] = {
        {"item {\n  name: \"open\n  id: 1\n}\n", "actions.pbtxt line 2: a quoted name is not closed"},
        {"item {\n  name: \"walk\"\n}\n", "actions.pbtxt line 1: the entry 'walk' has no id"},
        {"item {\n  id: 2\n}\n", "actions.pbtxt line 1: the entry has no name"},
        {"item { name: \"a\" id: 1 }\nitem { name: \"b\" id: 1 }\n", "actions.pbtxt line 2: id 1 is given twice ('a' and 'b')"},
        {"item { name: \"a\"\n id: x }\n", "actions.pbtxt line 2: id 'x' is not a whole number from 1"},
        {"item { name: \"a\" id: 1\n", "actions.pbtxt line 1: 'item {' is not closed"},
        {"thing { }\n", "actions.pbtxt line 1: expected 'item {' or 'label {', found 'thing'"},
    };
    for (const auto& [text, expected] : cases) {
        SCOPED_TRACE(text);
        auto labels = parseAvaLabelMap(text, "actions.pbtxt");
        ASSERT_FALSE(labels.ok());
        EXPECT_EQ(labels.error().rfind(expected, 0), 0u) << labels.error();
    }
}
