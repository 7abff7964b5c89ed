// skeleton_edits + SkeletonChangeCommand on a project document, without a window: what each
// plan refuses and why, deleting a keyframe inside interpolated frames, layouts that do not
// match, and exact undo of many-frame changes.

#include "ui/commands/skeleton_change_command.h"
#include "ui/document/project_document.h"
#include "ui/editing/skeleton_change.h"
#include "ui_project_fixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <limits>

using namespace actionlens;
using namespace actionlens::ui;
using annotation::PoseSource;
using annotation::SkeletonFrame;

namespace {

struct SkeletonChangeFixture : ::testing::Test {
    void SetUp() override {
        ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
        ASSERT_FALSE(document.videos().empty());
        document.setCurrentVideo(document.videos().front().id);
        video = document.currentVideoId();
        ASSERT_FALSE(document.skeletonPresence().empty());
        subject = document.skeletonPresence().front().subjectId;
    }
    SkeletonFrame at(std::int64_t frame, std::int64_t who = 0) {
        auto read = document.store().skeletonFrames(video, frame, frame, who ? who : subject);
        EXPECT_TRUE(read.ok() && read->size() == 1) << frame;
        return read.ok() && !read->empty() ? read->front() : SkeletonFrame{};
    }
    std::vector<SkeletonFrame> everything() {
        return document.store().skeletonFrames(video, 0, std::numeric_limits<std::int32_t>::max()).value();
    }
    void apply(Result<SkeletonChange> change) {
        ASSERT_TRUE(change.ok()) << change.error();
        ASSERT_EQ(SkeletonChangeCommand::run(document, std::move(change).value()), QString());
    }
    std::int64_t newSubject() {
        auto id = document.store().insertSubject(annotation::Subject{0, "nobody yet", {}});
        EXPECT_TRUE(id.ok());
        document.reloadSubjects();
        return id.ok() ? id.value() : 0;
    }
    QTemporaryDir dir;
    ProjectDocument document;
    std::int64_t video = 0;
    std::int64_t subject = 0;
};

}  // namespace

TEST_F(SkeletonChangeFixture, RefusalsSayWhatIsMissing) {
    const std::int64_t nobody = newSubject();
    auto copy = skeleton_edits::copyFromPrevious(document, nobody, 5);
    ASSERT_FALSE(copy.ok());
    EXPECT_NE(copy.error().find("no skeleton before frame 5"), std::string::npos) << copy.error();

    auto interpolate = skeleton_edits::interpolateAround(document, subject, 5);  // imported frames only
    ASSERT_FALSE(interpolate.ok());
    EXPECT_NE(interpolate.error().find("needs two keyframes"), std::string::npos) << interpolate.error();

    auto remove = skeleton_edits::removeSkeleton(document, nobody, 5);
    ASSERT_FALSE(remove.ok());
    EXPECT_NE(remove.error().find("no skeleton in frame 5"), std::string::npos) << remove.error();

    auto joint = skeleton_edits::moveJoint(document, at(3), 99, 1, 1);
    EXPECT_FALSE(joint.ok());

    apply(skeleton_edits::markKeyframe(document, at(4)));
    apply(skeleton_edits::markKeyframe(document, at(5)));
    auto adjacent = skeleton_edits::interpolateAround(document, subject, 4);
    ASSERT_FALSE(adjacent.ok());
    EXPECT_NE(adjacent.error().find("adjacent"), std::string::npos) << adjacent.error();
}

TEST_F(SkeletonChangeFixture, KeyframesOfDifferentLayoutsAreNotInterpolated) {
    const std::int64_t person = newSubject();
    const annotation::SkeletonLayout* coco = document.store().skeletonLayout("COCO-17");
    const annotation::SkeletonLayout* penn = document.store().skeletonLayout("Penn-13");
    ASSERT_TRUE(coco && penn);
    apply(skeleton_edits::addFromTemplate(document, person, 2, *coco, 80, 60, 50));
    apply(skeleton_edits::addFromTemplate(document, person, 8, *penn, 80, 60, 50));
    auto r = skeleton_edits::interpolateAround(document, person, 5);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("different skeleton layouts"), std::string::npos) << r.error();
    EXPECT_EQ(skeleton_edits::layoutForNewSkeleton(document, person, 7)->name, "Penn-13");  // the nearest one's
    EXPECT_EQ(skeleton_edits::layoutForNewSkeleton(document, person, 3)->name, "COCO-17");
}

TEST_F(SkeletonChangeFixture, DeletingAKeyframeBetweenInterpolatedFramesFillsItFromTheKeyframesAround) {
    for (int f : {10, 16, 22}) apply(skeleton_edits::markKeyframe(document, at(f)));
    apply(skeleton_edits::interpolateAll(document, subject));
    for (int f = 11; f < 22; ++f) EXPECT_EQ(at(f).source, f == 16 ? PoseSource::Manual : PoseSource::Interpolated) << f;
    const auto before = everything();
    const SkeletonFrame k10 = at(10), k22 = at(22);

    apply(skeleton_edits::removeSkeleton(document, subject, 16));
    for (int f = 11; f < 22; ++f) {
        const SkeletonFrame s = at(f);
        EXPECT_EQ(s.source, PoseSource::Interpolated) << f;
        const double t = (f - 10) / 12.0;
        for (size_t j = 0; j < s.joints.size(); ++j) {
            if (!k10.joints[j].visible || !k22.joints[j].visible) continue;
            EXPECT_NEAR(s.joints[j].x, k10.joints[j].x + (k22.joints[j].x - k10.joints[j].x) * t, 1e-3) << f << " " << j;
        }
    }
    document.undoStack().undo();
    EXPECT_EQ(everything(), before);

    // A keyframe with no interpolated frames beside it is simply deleted.
    apply(skeleton_edits::markKeyframe(document, at(5)));
    const auto count = everything().size();
    apply(skeleton_edits::removeSkeleton(document, subject, 5));
    EXPECT_EQ(everything().size(), count - 1);
    EXPECT_TRUE(document.store().skeletonFrames(video, 5, 5, subject)->empty());
    EXPECT_EQ(at(4).source, PoseSource::Imported);
}

TEST_F(SkeletonChangeFixture, InterpolatedFramesFollowOnlyUpToAKeyframe) {
    // 10 and 16 keyframes, 11..15 interpolated; 17.. imported. Moving a joint at 16 re-fills
    // 11..15 and leaves the imported frames after it alone.
    apply(skeleton_edits::markKeyframe(document, at(10)));
    apply(skeleton_edits::markKeyframe(document, at(16)));
    apply(skeleton_edits::interpolateAround(document, subject, 13));
    const SkeletonFrame at17 = at(17);
    const SkeletonFrame k16 = at(16);
    auto moved = skeleton_edits::moveJoint(document, k16, 0, k16.joints[0].x + 24, k16.joints[0].y);
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->removed.size(), 6u);  // frame 16 and 11..15
    EXPECT_EQ(moved->added.size(), 6u);
    apply(std::move(moved));
    EXPECT_EQ(at(17), at17);
    EXPECT_NEAR(at(13).joints[0].x, at(10).joints[0].x + (k16.joints[0].x + 24 - at(10).joints[0].x) * 0.5, 1e-3);
}
