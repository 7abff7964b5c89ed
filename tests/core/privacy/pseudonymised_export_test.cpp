#include "core/privacy/pseudonymised_export.h"

#include "core/annotation/project_store.h"
#include "core/privacy/pseudonyms.h"
#include "tests/core/privacy/privacy_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::privacy {
namespace {

using fixtures::TempDir;

std::string outputName(const formats::FormatHandler& handler) { return "out-" + handler.name; }

// The scan the issue asks for: no original name, path or secret in any byte of any exporter's output.
TEST(PseudonymisedExport, NoOriginalNameOrPathInAnyExportedByte) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    const std::string secret = projectPseudonymSecret(*project.store).value();
    int exporters = 0;
    for (const formats::FormatHandler& handler : formats::formatHandlers()) {
        if (!handler.exporter) continue;
        SCOPED_TRACE(handler.name);
        ++exporters;
        const std::string output = out.file(outputName(handler));
        Status written = exportPseudonymised(handler.name, *project.store, output, {});
        ASSERT_TRUE(written.ok()) << written.error();
        const std::string bytes = fixtures::allBytes(output);
        ASSERT_FALSE(bytes.empty());
        for (const std::string& original : fixtures::identifyingStrings(dir))
            EXPECT_EQ(bytes.find(original), std::string::npos) << "'" << original << "' in the " << handler.name << " export";
        EXPECT_EQ(bytes.find(secret), std::string::npos);
        // The plain export of the same format does name them (the scan would see a leak).
        const std::string plain = out.file("plain-" + handler.name);
        ASSERT_TRUE(formats::exportProject(handler.name, *project.store, plain).ok());
    }
    EXPECT_GE(exporters, 8);
    EXPECT_NE(fixtures::allBytes(out.file("plain-native")).find("Zephyrine"), std::string::npos);
}

TEST(PseudonymisedExport, PseudonymsAreStableAcrossExportsAndDifferBetweenProjects) {
    TempDir dir, other, out;
    auto project = fixtures::makePrivateProject(dir);
    auto second = fixtures::makePrivateProject(other);
    ASSERT_TRUE(exportPseudonymised("segments-csv", *project.store, out.file("a.csv"), {}).ok());
    ASSERT_TRUE(exportPseudonymised("segments-csv", *project.store, out.file("b.csv"), {}).ok());
    ASSERT_TRUE(exportPseudonymised("segments-csv", *second.store, out.file("c.csv"), {}).ok());
    const std::string a = fixtures::readFileBytes(out.file("a.csv"));
    EXPECT_EQ(a, fixtures::readFileBytes(out.file("b.csv")));
    const std::string c = fixtures::readFileBytes(out.file("c.csv"));
    const std::string pseudonym = Pseudonymiser(projectPseudonymSecret(*project.store).value()).pseudonym("subject", 1);
    EXPECT_NE(a.find(pseudonym), std::string::npos) << a;
    EXPECT_EQ(c.find(pseudonym), std::string::npos) << c;
    EXPECT_NE(a, c);
}

TEST(PseudonymisedExport, TheCopyKeepsLabelsSkeletonsAndModelPredictions) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    ASSERT_TRUE(exportPseudonymised("native", *project.store, out.file("p.json"), {}).ok());
    auto copy = annotation::ProjectStore::create(out.file("copy.alproj")).value();
    ASSERT_TRUE(formats::importProject("native", out.file("p.json"), *copy).ok());
    EXPECT_EQ(copy->counts()->segments, 2);
    EXPECT_EQ(copy->counts()->skeletonFrames, fixtures::kPrivateFrames);
    EXPECT_TRUE(copy->runs()->empty());  // free text dropped
    int predictions = 0;
    for (const annotation::Video& v : copy->videos().value()) {
        EXPECT_TRUE(v.path.empty());
        EXPECT_EQ(v.name.rfind("video-", 0), 0u) << v.name;
        for (const annotation::Segment& s : copy->segmentsOfVideo(v.id).value()) {
            predictions += annotation::isModelPrediction(s);
            EXPECT_EQ(s.labels.at("action"), "bowl");
        }
    }
    EXPECT_EQ(predictions, 1);
    for (const annotation::Subject& s : copy->subjects().value()) EXPECT_EQ(s.name.rfind("subject-", 0), 0u) << s.name;
}

TEST(PseudonymisedExport, FreeTextStaysWhenAskedForButPathsGo) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    PseudonymOptions keep;
    keep.keepFreeText = true;
    ASSERT_TRUE(exportPseudonymised("native", *project.store, out.file("p.json"), {}, keep).ok());
    auto redaction = pseudonymRedaction(*project.store, keep).value();
    const std::string copyPath = out.file("copy.alproj");
    ASSERT_TRUE(writeRedactedCopy(*project.store, copyPath, redaction).ok());
    auto copy = annotation::ProjectStore::open(copyPath).value();
    ASSERT_EQ(copy->runs()->size(), 1u);
    EXPECT_EQ(copy->runs()->front().name, "run of Wednesday");
    EXPECT_TRUE(copy->runs()->front().checkpointPath.empty());
    EXPECT_TRUE(copy->infoValue(kPseudonymSecretKey)->empty());
}

}  // namespace
}  // namespace actionlens::privacy
