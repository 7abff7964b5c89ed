#include "core/privacy/pseudonyms.h"

#include "core/annotation/project_store.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <regex>

namespace actionlens::privacy {
namespace {

TEST(Pseudonyms, AreStableKeyedAndKindSpecific) {
    const Pseudonymiser a("secret one"), again("secret one"), b("secret two");
    EXPECT_EQ(a.pseudonym("subject", 7), again.pseudonym("subject", 7));
    EXPECT_NE(a.pseudonym("subject", 7), b.pseudonym("subject", 7));
    EXPECT_NE(a.pseudonym("subject", 7), a.pseudonym("subject", 8));
    EXPECT_NE(a.pseudonym("subject", 7).substr(8), a.pseudonym("video", 7).substr(6));
    EXPECT_TRUE(std::regex_match(a.pseudonym("subject", 7), std::regex("subject-[0-9a-f]{12}"))) << a.pseudonym("subject", 7);
}

TEST(Pseudonyms, ProjectSecretIsMadeOnceKeptAndDiffersBetweenProjects) {
    fixtures::TempDir dir;
    std::string first, other;
    {
        auto store = annotation::ProjectStore::create(dir.file("a.alproj")).value();
        first = projectPseudonymSecret(*store).value();
        EXPECT_EQ(first.size(), 64u);
        EXPECT_EQ(projectPseudonymSecret(*store).value(), first);
        auto second = annotation::ProjectStore::create(dir.file("b.alproj")).value();
        other = projectPseudonymSecret(*second).value();
    }
    auto reopened = annotation::ProjectStore::openReadOnly(dir.file("a.alproj")).value();
    EXPECT_EQ(projectPseudonymSecret(*reopened).value(), first);
    EXPECT_NE(first, other);
}

TEST(Pseudonyms, ReadOnlyProjectWithoutSecretSaysWhatToDo) {
    fixtures::TempDir dir;
    {
        // Every project gets a secret (schema 9); a copy made for others has it removed.
        auto store = annotation::ProjectStore::create(dir.file("a.alproj")).value();
        EXPECT_EQ(store->infoValue(kPseudonymSecretKey)->size(), 64u);
        ASSERT_TRUE(store->setInfoValue(kPseudonymSecretKey, "").ok());
    }
    auto reader = annotation::ProjectStore::openReadOnly(dir.file("a.alproj")).value();
    auto secret = projectPseudonymSecret(*reader);
    ASSERT_FALSE(secret.ok());
    EXPECT_NE(secret.error().find("read-only"), std::string::npos) << secret.error();
}

}  // namespace
}  // namespace actionlens::privacy
