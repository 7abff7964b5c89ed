// Two people in one video: each with its own subject, skeleton track and segments.

#include "core/synth/synth_project.h"

#include "core/annotation/project_store.h"
#include "core/formats/penn_action_labels.h"
#include "core/media/frame_source.h"
#include "core/synth/limb_mask_file.h"
#include "core/synth/limbs.h"
#include "tests/core/synth/synth_fixtures.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <map>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

constexpr int kFps = fixtures::kSynthTestFps;

const std::vector<MotionClip>& motions() { return fixtures::testMotions(); }

SynthSettings pairedSettings(const std::string& path, double twoSubjectChance) {
    SynthSettings s = fixtures::smallSynthSettings(path, 31);
    s.videos = 4;  // two subjects
    s.occluders = OccluderMode::Never;
    s.twoSubjectChance = twoSubjectChance;
    return s;
}

std::map<std::int64_t, std::string> subjectNames(annotation::ProjectStore& store) {
    std::map<std::int64_t, std::string> names;
    for (const annotation::Subject& s : store.subjects().value()) names[s.id] = s.name;
    return names;
}

}  // namespace

TEST(SynthTwoSubjects, EachPersonHasItsOwnSegmentsAndSkeletonRowsInItsHalfOfThePicture) {
    fixtures::TempDir dir;
    auto made = synthesiseProject(pairedSettings(dir.file("pair.alproj"), 1.0), motions());
    ASSERT_TRUE(made.ok()) << made.error();
    auto store = annotation::ProjectStore::open(dir.file("pair.alproj"));
    ASSERT_TRUE(store.ok()) << store.error();
    const auto names = subjectNames(*store.value());
    const auto videos = store.value()->videos().value();
    ASSERT_EQ(videos.size(), 4u);
    for (size_t v = 0; v < videos.size(); ++v) {
        const SynthVideoSummary& summary = made.value().videos[v];
        ASSERT_FALSE(summary.partner.subjectName.empty()) << v;
        ASSERT_NE(summary.partner.subjectName, summary.subjectName);
        ASSERT_FALSE(summary.partner.clips.empty());

        // Segments: the primary's clips, then the partner's, each under its own subject, labelled
        // as the source sequence is (mirrored for left-handers), inside the video, not overlapping.
        const auto segments = store.value()->segmentsOfVideo(videos[v].id).value();
        std::map<std::string, std::vector<annotation::Segment>> bySubject;
        for (const annotation::Segment& s : segments) bySubject[names.at(s.subjectId)].push_back(s);
        ASSERT_EQ(bySubject.size(), 2u);
        ASSERT_EQ(bySubject[summary.subjectName].size(), summary.clips.size());
        const std::vector<annotation::Segment>& partnerSegments = bySubject[summary.partner.subjectName];
        ASSERT_EQ(partnerSegments.size(), summary.partner.clips.size());
        std::int64_t previousLast = -1;
        for (size_t s = 0; s < partnerSegments.size(); ++s) {
            const SynthClipSummary& clip = summary.partner.clips[s];
            const annotation::Segment& segment = partnerSegments[s];
            auto source = formats::readPennActionLabels(fixtures::pennLabelFile(clip.motion));
            ASSERT_TRUE(source.ok());
            EXPECT_EQ(segment.labels.at("action"), source->action);
            const bool mirrored = summary.partner.mannequin.handedness == Handedness::Left;
            EXPECT_EQ(segment.labels.at("viewpoint"), mirrored ? mirroredViewpoint(source->viewpoint) : source->viewpoint);
            EXPECT_EQ(segment.firstFrame, clip.firstFrame);
            EXPECT_EQ(segment.lastFrame, clip.lastFrame);
            EXPECT_GT(segment.firstFrame, previousLast);
            EXPECT_LT(segment.lastFrame, videos[v].frameCount);
            previousLast = segment.lastFrame;
        }

        // Skeletons: two rows a frame, one per subject; the two people stay in different halves.
        const auto rows = store.value()->skeletonFrames(videos[v].id, 0, videos[v].frameCount - 1).value();
        ASSERT_EQ(static_cast<std::int64_t>(rows.size()), 2 * videos[v].frameCount);
        std::map<std::string, std::vector<const annotation::SkeletonFrame*>> track;
        for (const annotation::SkeletonFrame& row : rows) track[names.at(row.subjectId)].push_back(&row);
        ASSERT_EQ(track[summary.subjectName].size(), static_cast<size_t>(videos[v].frameCount));
        ASSERT_EQ(track[summary.partner.subjectName].size(), static_cast<size_t>(videos[v].frameCount));
        int primaryLeft = 0;
        for (int f = 0; f < videos[v].frameCount; ++f) {
            const annotation::SkeletonFrame& a = *track[summary.subjectName][static_cast<size_t>(f)];
            const annotation::SkeletonFrame& b = *track[summary.partner.subjectName][static_cast<size_t>(f)];
            ASSERT_EQ(a.frame, f);
            ASSERT_EQ(b.frame, f);
            const float ax = (a.joints[kLeftHip].x + a.joints[kRightHip].x) * 0.5f;
            const float bx = (b.joints[kLeftHip].x + b.joints[kRightHip].x) * 0.5f;
            EXPECT_NE(ax < 80.0f, bx < 80.0f) << "video " << v << " frame " << f;
            primaryLeft += ax < 80.0f;
        }
        EXPECT_TRUE(primaryLeft == 0 || primaryLeft == videos[v].frameCount) << "nobody changes sides";
    }
}

TEST(SynthTwoSubjects, TheSecondPersonLeavesTheFirstOnesLabelsAsTheyWereAndRepeatsForASeed) {
    fixtures::TempDir dir;
    auto alone = synthesiseProject(pairedSettings(dir.file("alone.alproj"), 0.0), motions());
    auto paired = synthesiseProject(pairedSettings(dir.file("paired.alproj"), 1.0), motions());
    auto again = synthesiseProject(pairedSettings(dir.file("again.alproj"), 1.0), motions());
    ASSERT_TRUE(alone.ok() && paired.ok() && again.ok());
    for (size_t v = 0; v < 4; ++v) {
        const SynthVideoSummary& a = alone.value().videos[v];
        const SynthVideoSummary& p = paired.value().videos[v];
        EXPECT_TRUE(a.partner.subjectName.empty());
        EXPECT_EQ(a.subjectName, p.subjectName);
        EXPECT_EQ(a.frameCount, p.frameCount);
        ASSERT_EQ(a.clips.size(), p.clips.size());
        for (size_t c = 0; c < a.clips.size(); ++c) {
            EXPECT_EQ(a.clips[c].motion, p.clips[c].motion);
            EXPECT_EQ(a.clips[c].firstFrame, p.clips[c].firstFrame);
            EXPECT_EQ(a.clips[c].lastFrame, p.clips[c].lastFrame);
        }
        EXPECT_EQ(p.partner.subjectName, again.value().videos[v].partner.subjectName);
        ASSERT_EQ(p.partner.clips.size(), again.value().videos[v].partner.clips.size());
        for (size_t c = 0; c < p.partner.clips.size(); ++c) EXPECT_EQ(p.partner.clips[c].motion, again.value().videos[v].partner.clips[c].motion);
    }
    auto one = annotation::ProjectStore::open(dir.file("paired.alproj"));
    auto two = annotation::ProjectStore::open(dir.file("again.alproj"));
    ASSERT_TRUE(one.ok() && two.ok());
    const auto videosOne = one.value()->videos().value();
    const auto videosTwo = two.value()->videos().value();
    for (size_t v = 0; v < videosOne.size(); ++v) {
        EXPECT_EQ(one.value()->skeletonFrames(videosOne[v].id, 0, videosOne[v].frameCount - 1).value(),
                  two.value()->skeletonFrames(videosTwo[v].id, 0, videosTwo[v].frameCount - 1).value());
    }
}

// The second person is drawn where its skeleton track says: along its arms and legs the mask names
// the limb and the decoded picture has the partner's clothing colour.
TEST(SynthTwoSubjects, TheSecondPersonIsDrawnWhereItsSkeletonSays) {
    fixtures::TempDir dir;
    auto made = synthesiseProject(pairedSettings(dir.file("pair.alproj"), 1.0), motions());
    ASSERT_TRUE(made.ok()) << made.error();
    auto store = annotation::ProjectStore::open(dir.file("pair.alproj"));
    ASSERT_TRUE(store.ok());
    const auto names = subjectNames(*store.value());
    const annotation::Video video = store.value()->videos().value()[0];
    const SynthVideoSummary& summary = made.value().videos[0];
    auto source = media::openFrameSource(video.path, media::OpenOptions{25.0, "", false});
    ASSERT_TRUE(source.ok()) << source.error();
    auto masks = readLimbMasks(summary.maskPath);
    ASSERT_TRUE(masks.ok());
    const auto rows = store.value()->skeletonFrames(video.id, 0, video.frameCount - 1).value();
    int samples = 0, onLimb = 0, coloured = 0;
    for (const annotation::SkeletonFrame& row : rows) {
        if (names.at(row.subjectId) != summary.partner.subjectName || row.frame % 3 != 0) continue;
        auto frame = source.value()->readFrame(row.frame);
        ASSERT_TRUE(frame.ok());
        const LimbMask& mask = masks.value()[static_cast<size_t>(row.frame)];
        Pose pose;
        for (int j = 0; j < kJointCount; ++j) pose[static_cast<size_t>(j)] = {row.joints[static_cast<size_t>(j)].x, row.joints[static_cast<size_t>(j)].y};
        for (int limb = kLimbLeftUpperArm; limb <= kLimbRightShin; ++limb) {
            const auto [a, b] = limbSegment(pose, limb);
            // A foreshortened limb is covered by its own hand or foot (drawn with the limb's id).
            if (std::hypot(a.x - b.x, a.y - b.y) < 8.0f) continue;
            const Point2 q = lerp(a, b, 0.5f);
            const int x = static_cast<int>(std::lround(q.x)), y = static_cast<int>(std::lround(q.y));
            if (x < 4 || y < 4 || x >= 156 || y >= 116) continue;
            ++samples;
            if (mask.at(x, y) != limb) continue;
            ++onLimb;
            const Rgb c = limb <= kLimbRightForearm ? summary.partner.mannequin.upper : summary.partner.mannequin.lower;
            const std::uint8_t* rgb = frame.value()->row(y) + 3 * x;
            coloured += std::abs(rgb[0] - c.r) <= 48 && std::abs(rgb[1] - c.g) <= 48 && std::abs(rgb[2] - c.b) <= 48;
        }
    }
    ASSERT_GT(samples, 50);
    EXPECT_GT(onLimb, samples * 6 / 10);
    EXPECT_GT(coloured, onLimb * 9 / 10) << coloured << " of " << onLimb;
}
