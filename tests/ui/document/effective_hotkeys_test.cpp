// EffectiveHotkeys: the user's own action keys (QSettings) over the project's taxonomy.

#include "ui/document/effective_hotkeys.h"

#include <QSettings>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

annotation::Taxonomy smallTaxonomy() {
    annotation::Taxonomy taxonomy;
    taxonomy.name = "small";
    annotation::TaskDefinition action;
    action.name = "action";
    action.kind = annotation::TaskKind::Action;
    action.groups = {{"locomotion", "", false}, {"posture", "", false}};
    action.values = {{"walk", "locomotion", "", "w"}, {"run", "locomotion", "", "r"}, {"sit/stand", "posture", "", ""}};
    annotation::TaskDefinition viewpoint;
    viewpoint.name = "viewpoint";
    viewpoint.values = {{"front", "", "", "f"}, {"back", "", "", "b"}};
    taxonomy.tasks = {action, viewpoint};
    return taxonomy;
}

const std::map<std::string, std::string> kReserved = {{"i", "Mark in"}, {"l", "Shuttle forward (L)"}};

struct EffectiveHotkeysTest : ::testing::Test {
    void SetUp() override { QSettings().remove(QStringLiteral("hotkeys")); }
    void TearDown() override { QSettings().remove(QStringLiteral("hotkeys")); }
    annotation::Taxonomy taxonomy = smallTaxonomy();
};

}  // namespace

TEST_F(EffectiveHotkeysTest, WithoutUserKeysTheProjectsKeysAreUsed) {
    EffectiveHotkeys hotkeys;
    EXPECT_EQ(hotkeys.applyTo(taxonomy), taxonomy);
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "action", "walk"), "w");
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "viewpoint", "back"), "b");
}

TEST_F(EffectiveHotkeysTest, AUserKeyWinsOverTheProjectsAndIsKeptInTheSettings) {
    EffectiveHotkeys hotkeys;
    int changes = 0;
    QObject::connect(&hotkeys, &EffectiveHotkeys::changed, [&] { ++changes; });
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QStringLiteral("X")).ok());
    EXPECT_EQ(changes, 1);
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "action", "walk"), "x");
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "action", "run"), "r");
    EXPECT_EQ(QSettings().value(QStringLiteral("hotkeys/walk")).toString(), QStringLiteral("x"));
    // The project's key is free now: another action may take it.
    EXPECT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("run"), QStringLiteral("w")).ok());

    EffectiveHotkeys later;  // another session
    EXPECT_EQ(later.hotkeyOf(taxonomy, "action", "walk"), "x");
    EXPECT_EQ(later.hotkeyOf(taxonomy, "action", "run"), "w");
}

TEST_F(EffectiveHotkeysTest, ResetReturnsTheProjectsKey) {
    EffectiveHotkeys hotkeys;
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QStringLiteral("x")).ok());
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("run"), QStringLiteral("y")).ok());
    hotkeys.reset(QStringLiteral("walk"));
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "action", "walk"), "w");
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/walk")));
    EXPECT_EQ(hotkeys.hotkeyOf(taxonomy, "action", "run"), "y");

    // Choosing the project's own key, or none, is a reset too.
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("run"), QStringLiteral("r")).ok());
    EXPECT_EQ(hotkeys.userKey(QStringLiteral("run")), QString());
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/run")));

    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QStringLiteral("x")).ok());
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("run"), QStringLiteral("y")).ok());
    hotkeys.resetAll(taxonomy);
    EXPECT_EQ(hotkeys.applyTo(taxonomy), taxonomy);
    EXPECT_TRUE(QSettings().allKeys().filter(QStringLiteral("hotkeys/")).isEmpty());
}

TEST_F(EffectiveHotkeysTest, AKeyInUseIsRefusedSayingWhatItDoes) {
    EffectiveHotkeys hotkeys;
    const auto refused = [&](const char* key) {
        const Status status = hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QString::fromUtf8(key));
        EXPECT_FALSE(status.ok()) << key;
        return status.error();
    };
    EXPECT_NE(refused("r").find("'run'"), std::string::npos);        // another action's key
    EXPECT_NE(refused("F").find("'front'"), std::string::npos);      // an attribute value's
    EXPECT_NE(refused("i").find("Mark in"), std::string::npos);      // the window's own
    EXPECT_NE(refused("ab").find("one key"), std::string::npos);
    EXPECT_EQ(hotkeys.userKey(QStringLiteral("walk")), QString());
    EXPECT_FALSE(QSettings().contains(QStringLiteral("hotkeys/walk")));

    // The keys as this user has them: a user key of another action is taken as well.
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("run"), QStringLiteral("z")).ok());
    EXPECT_NE(refused("z").find("'run'"), std::string::npos);
    EXPECT_FALSE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("crawl"), QStringLiteral("q")).ok());  // not an action here
}

TEST_F(EffectiveHotkeysTest, UserKeysOfRenamedOrRemovedActionsAreIgnored) {
    EffectiveHotkeys hotkeys;
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QStringLiteral("x")).ok());

    annotation::Taxonomy renamed = taxonomy;
    renamed.tasks[0].values[0].name = "stroll";
    EXPECT_EQ(hotkeys.applyTo(renamed), renamed);  // "stroll" keeps the project's 'w'; nothing gets 'x'

    annotation::Taxonomy removed = taxonomy;
    removed.tasks[0].values.erase(removed.tasks[0].values.begin());
    EXPECT_EQ(hotkeys.applyTo(removed), removed);
}

TEST_F(EffectiveHotkeysTest, AProjectKeyEqualToAUserKeyIsDroppedSoOneKeyDoesOneThing) {
    EffectiveHotkeys hotkeys;
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("walk"), QStringLiteral("x")).ok());
    // Another project (or a later taxonomy edit) gives 'x' to run and to the front view.
    annotation::Taxonomy other = taxonomy;
    other.tasks[0].values[1].hotkey = "x";
    other.tasks[1].values[0].hotkey = "x";
    const annotation::Taxonomy effective = hotkeys.applyTo(other);
    EXPECT_EQ(effective.tasks[0].values[0].hotkey, "x");
    EXPECT_EQ(effective.tasks[0].values[1].hotkey, "");
    EXPECT_EQ(effective.tasks[1].values[0].hotkey, "");
    EXPECT_EQ(effective.tasks[1].values[1].hotkey, "b");
}

TEST_F(EffectiveHotkeysTest, ActionNamesWithSlashesRoundTripThroughTheSettings) {
    EffectiveHotkeys hotkeys;
    ASSERT_TRUE(hotkeys.setUserKey(taxonomy, kReserved, QStringLiteral("sit/stand"), QStringLiteral("s")).ok());
    EffectiveHotkeys later;
    EXPECT_EQ(later.userKey(QStringLiteral("sit/stand")), QStringLiteral("s"));
    EXPECT_EQ(later.hotkeyOf(taxonomy, "action", "sit/stand"), "s");
    later.reset(QStringLiteral("sit/stand"));
    EXPECT_EQ(EffectiveHotkeys().userKey(QStringLiteral("sit/stand")), QString());
}
