#include "core/privacy/privacy_export.h"

#include "core/annotation/project_store.h"
#include "core/privacy/pseudonyms.h"
#include "tests/core/privacy/privacy_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::privacy {
namespace {

using fixtures::TempDir;

std::string outputName(const formats::FormatHandler& handler) { return "out-" + handler.name; }

// The scan the issue asks for: no original name, path or secret in any byte of any exporter's output.
TEST(PrivacyExport, NoOriginalNameOrPathInAnyExportedByte) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    const std::string secret = projectPseudonymSecret(*project.store).value();
    int exporters = 0;
    for (const formats::FormatHandler& handler : formats::formatHandlers()) {
        if (!handler.exporter) continue;
        SCOPED_TRACE(handler.name);
        ++exporters;
        const std::string output = out.file(outputName(handler));
        Status written = exportWithPrivacy(handler.name, *project.store, output, {});
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

TEST(PrivacyExport, PseudonymsAreStableAcrossExportsAndDifferBetweenProjects) {
    TempDir dir, other, out;
    auto project = fixtures::makePrivateProject(dir);
    auto second = fixtures::makePrivateProject(other);
    ASSERT_TRUE(exportWithPrivacy("segments-csv", *project.store, out.file("a.csv"), {}).ok());
    ASSERT_TRUE(exportWithPrivacy("segments-csv", *project.store, out.file("b.csv"), {}).ok());
    ASSERT_TRUE(exportWithPrivacy("segments-csv", *second.store, out.file("c.csv"), {}).ok());
    const std::string a = fixtures::readFileBytes(out.file("a.csv"));
    EXPECT_EQ(a, fixtures::readFileBytes(out.file("b.csv")));
    const std::string c = fixtures::readFileBytes(out.file("c.csv"));
    const std::string pseudonym = Pseudonymiser(projectPseudonymSecret(*project.store).value()).pseudonym("subject", 1);
    EXPECT_NE(a.find(pseudonym), std::string::npos) << a;
    EXPECT_EQ(c.find(pseudonym), std::string::npos) << c;
    EXPECT_NE(a, c);
}

TEST(PrivacyExport, TheCopyKeepsLabelsSkeletonsAndModelPredictions) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    ASSERT_TRUE(exportWithPrivacy("native", *project.store, out.file("p.json"), {}).ok());
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

TEST(PrivacyExport, FreeTextStaysWhenAskedForButPathsGo) {
    TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    PrivacyOptions keep;
    keep.keepFreeText = true;
    ASSERT_TRUE(exportWithPrivacy("native", *project.store, out.file("p.json"), {}, keep).ok());
    auto redaction = privacyRedaction(*project.store, keep).value();
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

namespace actionlens::privacy {
namespace {

// Bob refused: once consent is recorded his segments, skeletons and name stay out of every
// export by default; "everyone" puts him back, and a project with nothing recorded keeps him.
TEST(PrivacyExport, SubjectsWithoutConsentAreLeftOutOnceConsentIsRecorded) {
    fixtures::TempDir dir, out;
    auto project = fixtures::makePrivateProject(dir);
    PrivacyOptions plain;
    plain.pseudonymise = false;
    ASSERT_TRUE(exportWithPrivacy("segments-csv", *project.store, out.file("before.csv"), {}, plain).ok());
    EXPECT_NE(fixtures::readFileBytes(out.file("before.csv")).find("Bob Quuxley"), std::string::npos);

    std::vector<annotation::Subject> subjects = project.store->subjects().value();
    subjects[0].consent = annotation::ConsentStatus::Given;
    subjects[1].consent = annotation::ConsentStatus::Refused;
    subjects[1].consentNote = "said no on the phone to Marple";
    for (const annotation::Subject& s : subjects) ASSERT_TRUE(project.store->updateSubject(s).ok());

    ASSERT_TRUE(exportWithPrivacy("native", *project.store, out.file("auto.json"), {}, plain).ok());
    const std::string limited = fixtures::readFileBytes(out.file("auto.json"));
    EXPECT_EQ(limited.find("Bob Quuxley"), std::string::npos);
    EXPECT_NE(limited.find("Zephyrine"), std::string::npos);
    auto copy = annotation::ProjectStore::create(out.file("copy.alproj")).value();
    ASSERT_TRUE(formats::importProject("native", out.file("auto.json"), *copy).ok());
    EXPECT_EQ(copy->counts()->subjects, 1);
    EXPECT_EQ(copy->counts()->segments, 1);
    EXPECT_EQ(copy->counts()->skeletonFrames, fixtures::kPrivateFrames);  // Alice's
    EXPECT_EQ(copy->subjects()->front().consent, annotation::ConsentStatus::Given);

    plain.consent = annotation::ConsentLimit::Everyone;
    ASSERT_TRUE(exportWithPrivacy("native", *project.store, out.file("all.json"), {}, plain).ok());
    EXPECT_NE(fixtures::readFileBytes(out.file("all.json")).find("Bob Quuxley"), std::string::npos);

    // Pseudonymised: the consent note is free text and goes too.
    PrivacyOptions pseudonymised;
    pseudonymised.consent = annotation::ConsentLimit::Everyone;
    ASSERT_TRUE(exportWithPrivacy("native", *project.store, out.file("pseudo.json"), {}, pseudonymised).ok());
    EXPECT_EQ(fixtures::readFileBytes(out.file("pseudo.json")).find("said no"), std::string::npos);
}

}  // namespace
}  // namespace actionlens::privacy
