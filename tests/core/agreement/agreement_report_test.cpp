// computeAgreement on a small project whose figures are worked out by hand in the comments.

#include "core/agreement/agreement_report.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QJsonArray>

#include <cmath>

namespace actionlens::agreement {
namespace {

using annotation::fixtures::ProjectFolder;

annotation::Segment coded(std::int64_t video, std::int64_t first, std::int64_t last, const std::string& action, const std::string& who) {
    annotation::Segment s = annotation::fixtures::sampleSegment(first, last, action);
    s.videoId = video;
    s.annotator = who;
    return s;
}

// Video 1, subject 1: ann 0-9 squat, 20-29 jump_rope; bob 0-9 squat, 22-31 jump_rope, 40-44 situp;
// a model's prediction there too. Video 2: only cat.
std::unique_ptr<annotation::ProjectStore> project(const ProjectFolder& folder) {
    auto store = annotation::fixtures::makeProject(folder);
    EXPECT_TRUE(store->insertVideo(annotation::fixtures::sampleVideo(folder, "other.mp4")).ok());
    annotation::Segment model = coded(1, 50, 60, "bowl", "model:m.alm");
    for (const auto& s : {coded(1, 0, 9, "squat", "ann"), coded(1, 20, 29, "jump_rope", "ann"), coded(1, 0, 9, "squat", "bob"),
                          coded(1, 22, 31, "jump_rope", "bob"), coded(1, 40, 44, "situp", "bob"), model, coded(2, 0, 9, "squat", "cat")})
        EXPECT_TRUE(store->insertSegment(s).ok());
    return store;
}

TEST(AgreementReport, FrameAndSegmentAgreementOfTwoAnnotatorsByHand) {
    ProjectFolder folder;
    auto store = project(folder);
    AgreementOptions options;
    options.annotators = {"ann", "bob"};
    options.iouThresholds = {0.5, 0.7};
    auto report = computeAgreement(*store, options);
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->task, "action");
    EXPECT_EQ(report->categories, (std::vector<std::string>{"jump_rope", "situp", "squat", kNoLabel}));
    ASSERT_EQ(report->videos.size(), 1u);
    const AgreementScope& v = report->videos[0];
    // Units: frames 0-9 (agree), 20-31 (agree on 22-29 only), 40-44 (ann: none, bob: situp): 27.
    EXPECT_EQ(v.units, 27);
    ASSERT_EQ(v.pairs.size(), 1u);
    const PairAgreement& p = v.pairs[0];
    EXPECT_EQ(p.units, 27);
    EXPECT_NEAR(p.percent, 18.0 / 27.0, 1e-12);
    // p_e = (10*10 squat + 10*10 jump_rope + 7*2 none + 0*5 situp) / 27^2; kappa = (p_o - p_e) / (1 - p_e).
    EXPECT_NEAR(p.cohenKappa, 0.5281553398, 1e-9);
    EXPECT_NEAR(v.fleissKappa, p.cohenKappa, 0.05) << "two coders: Fleiss' kappa is Scott's pi, close to Cohen's";
    EXPECT_TRUE(std::isfinite(v.krippendorffAlpha));
    // Segments: squat IoU 1, jump_rope IoU 8/12; ann 2 segments, bob 3.
    ASSERT_EQ(p.segments.size(), 2u);
    EXPECT_NEAR(p.segments[0].f1(), 0.8, 1e-12);
    EXPECT_NEAR(p.segments[1].f1(), 0.4, 1e-12);
    EXPECT_EQ(p.boundaries.pairs, 2);
    EXPECT_DOUBLE_EQ(p.boundaries.meanStart, 1.0);
    EXPECT_DOUBLE_EQ(p.boundaries.meanEnd, 1.0);
    // The confusion counts: ann's jump_rope against bob's none on frames 20-21.
    EXPECT_EQ(p.confusion[0][3], 2);
    EXPECT_EQ(p.confusion[3][1], 5);
    EXPECT_EQ(p.confusion[2][2], 10);
    // Overall equals the one video both coded.
    EXPECT_NEAR(report->overall.pairs.at(0).cohenKappa, p.cohenKappa, 1e-12);
    const QJsonObject json = agreementToJson(*report);
    EXPECT_EQ(json.value("overall").toObject().value("pairs").toArray().at(0).toObject().value("frames").toInt(), 27);
}

TEST(AgreementReport, EveryAnnotatorByDefaultWithMissingVideosAndClearRefusals) {
    ProjectFolder folder;
    auto store = project(folder);
    auto report = computeAgreement(*store);
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->annotators, (std::vector<std::string>{"ann", "bob", "cat"})) << "the model is no annotator";
    // cat coded only video 2, which nobody else did: no pair with cat has units.
    ASSERT_EQ(report->overall.pairs.size(), 1u);
    EXPECT_EQ(report->overall.pairs[0].a, "ann");
    EXPECT_EQ(report->overall.pairs[0].b, "bob");

    AgreementOptions unknown;
    unknown.annotators = {"ann", "zed"};
    auto refused = computeAgreement(*store, unknown);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("'zed'"), std::string::npos) << refused.error();
    AgreementOptions attribute;
    attribute.task = "handedness";
    EXPECT_FALSE(computeAgreement(*store, attribute).ok());
    AgreementOptions one;
    one.annotators = {"ann"};
    auto alone = computeAgreement(*store, one);
    ASSERT_FALSE(alone.ok());
    EXPECT_NE(alone.error().find("two or more"), std::string::npos) << alone.error();
}

// A video assigned to annotators is compared between them alone unless annotators are named: cat's
// segments in video 1 (cat is not assigned to it) are left out there, as if cat had not coded it.
TEST(AgreementReport, ByDefaultAVideoIsComparedBetweenTheAnnotatorsAssignedToIt) {
    ProjectFolder folder;
    auto store = project(folder);
    ASSERT_TRUE(store->insertSegment(coded(1, 0, 44, "bowl", "cat")).ok());
    ASSERT_TRUE(store->setVideoAnnotators(1, {"ann", "bob"}).ok());
    auto report = computeAgreement(*store);
    ASSERT_TRUE(report.ok()) << report.error();
    ASSERT_EQ(report->videos.size(), 1u);
    EXPECT_EQ(report->videos[0].coders, (std::vector<std::string>{"ann", "bob"}));
    EXPECT_EQ(report->videos[0].units, 27) << "cat's bowl over 0-44 adds no units";
    // Named annotators are compared wherever they coded, assigned or not.
    AgreementOptions named;
    named.annotators = {"ann", "cat"};
    auto withCat = computeAgreement(*store, named);
    ASSERT_TRUE(withCat.ok()) << withCat.error();
    ASSERT_EQ(withCat->videos.size(), 1u);
    EXPECT_EQ(withCat->videos[0].units, 45);
}

TEST(AgreementReport, ReportsProgressPerVideoAndStopsWhenCancelled) {
    ProjectFolder folder;
    auto store = project(folder);
    AgreementOptions options;
    std::vector<std::pair<std::int64_t, std::int64_t>> steps;
    options.progress = [&](std::int64_t done, std::int64_t total) { steps.emplace_back(done, total); };
    ASSERT_TRUE(computeAgreement(*store, options).ok());
    EXPECT_EQ(steps, (std::vector<std::pair<std::int64_t, std::int64_t>>{{1, 2}, {2, 2}}));
    int asked = 0;
    options.cancelled = [&] { return ++asked == 2; };
    auto stopped = computeAgreement(*store, options);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error(), "cancelled");
}

TEST(AgreementReport, DisagreementsAreRunsOfFramesWithTheSamePairOfLabels) {
    ProjectFolder folder;
    auto store = project(folder);
    auto found = findDisagreements(*store, "ann", "bob");
    ASSERT_TRUE(found.ok()) << found.error();
    // 20-21: jump_rope vs none; 30-31: none vs jump_rope; 40-44: none vs situp.
    ASSERT_EQ(found->size(), 3u);
    EXPECT_EQ((*found)[0].firstFrame, 20);
    EXPECT_EQ((*found)[0].lastFrame, 21);
    EXPECT_EQ((*found)[0].labelA, "jump_rope");
    EXPECT_EQ((*found)[0].labelB, kNoLabel);
    EXPECT_EQ((*found)[1].firstFrame, 30);
    EXPECT_EQ((*found)[1].labelB, "jump_rope");
    EXPECT_EQ((*found)[2].firstFrame, 40);
    EXPECT_EQ((*found)[2].lastFrame, 44);
    EXPECT_EQ((*found)[2].labelB, "situp");
    auto none = findDisagreements(*store, "ann", "cat");
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->empty()) << "they never coded the same video";
}

}  // namespace
}  // namespace actionlens::agreement
