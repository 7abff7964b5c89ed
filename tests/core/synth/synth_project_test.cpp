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
#include <filesystem>
#include <set>

using namespace actionlens;
using namespace actionlens::synth;

namespace fs = std::filesystem;

namespace {

constexpr int kFps = fixtures::kSynthTestFps;

const std::vector<MotionClip>& motions() { return fixtures::testMotions(); }

SynthSettings smallSettings(const std::string& path, std::uint32_t seed) { return fixtures::smallSynthSettings(path, seed); }

// What a project says, less what may differ between runs: times, paths, encoded bytes.
struct Contents {
    std::vector<annotation::Subject> subjects;
    std::vector<annotation::Video> videos;
    std::vector<annotation::Segment> segments;
    std::vector<annotation::SkeletonFrame> skeletons;
};

Contents readContents(const std::string& path) {
    Contents c;
    auto store = annotation::ProjectStore::open(path);
    EXPECT_TRUE(store.ok()) << (store.ok() ? "" : store.error());
    if (!store.ok()) return c;
    c.subjects = store.value()->subjects().value();
    c.videos = store.value()->videos().value();
    for (annotation::Video& v : c.videos) {
        for (annotation::Segment s : store.value()->segmentsOfVideo(v.id).value()) {
            s.createdMs = s.modifiedMs = 0;
            c.segments.push_back(s);
        }
        for (const annotation::SkeletonFrame& f : store.value()->skeletonFrames(v.id, 0, v.frameCount - 1).value()) c.skeletons.push_back(f);
        // The paths differ by project folder, the encoded bytes are not part of the promise.
        v.path.clear();
        v.contentHash.clear();
        v.sizeBytes = 0;
    }
    return c;
}

// One rendered project shared by the tests that only read it.
struct SharedProject {
    fixtures::TempDir dir;
    std::string path;
    SynthSummary summary;
};

const SharedProject& sharedProject() {
    // Destroyed at exit, which removes its folder.
    static const std::unique_ptr<SharedProject> project = [] {
        auto p = std::make_unique<SharedProject>();
        p->path = p->dir.file("demo.alproj");
        std::int64_t lastDone = 0, lastTotal = 0;
        SynthCallbacks callbacks;
        callbacks.progress = [&](std::int64_t done, std::int64_t total) {
            EXPECT_EQ(done, lastDone + 1);
            lastDone = done;
            lastTotal = total;
        };
        auto summary = synthesiseProject(smallSettings(p->path, 42), motions(), callbacks);
        EXPECT_TRUE(summary.ok()) << (summary.ok() ? "" : summary.error());
        if (summary.ok()) p->summary = std::move(summary).value();
        EXPECT_EQ(lastDone, lastTotal);
        EXPECT_GT(lastTotal, 0);
        return p;
    }();
    return *project;
}

bool nearColour(const uint8_t* rgb, Rgb c, int tolerance) {
    return std::abs(rgb[0] - c.r) <= tolerance && std::abs(rgb[1] - c.g) <= tolerance && std::abs(rgb[2] - c.b) <= tolerance;
}

}  // namespace

TEST(SynthProject, SameSeedSameLabelsAndSkeletonsDifferentSeedDifferentOnes) {
    fixtures::TempDir dir;
    for (const char* name : {"a.alproj", "b.alproj"}) {
        auto made = synthesiseProject(smallSettings(dir.file(name), 7), motions());
        ASSERT_TRUE(made.ok()) << made.error();
    }
    auto other = synthesiseProject(smallSettings(dir.file("c.alproj"), 8), motions());
    ASSERT_TRUE(other.ok()) << other.error();
    const Contents a = readContents(dir.file("a.alproj"));
    const Contents b = readContents(dir.file("b.alproj"));
    const Contents c = readContents(dir.file("c.alproj"));
    ASSERT_EQ(a.videos.size(), 2u);
    ASSERT_FALSE(a.skeletons.empty());
    EXPECT_EQ(a.subjects, b.subjects);
    EXPECT_EQ(a.videos, b.videos);
    EXPECT_EQ(a.segments, b.segments);
    EXPECT_EQ(a.skeletons, b.skeletons);
    EXPECT_NE(a.skeletons, c.skeletons);
    EXPECT_TRUE(a.segments != c.segments || a.subjects != c.subjects);
    EXPECT_TRUE(fs::exists(dir.file("a_videos/video_000.mp4")));
    EXPECT_TRUE(fs::exists(dir.file("a_videos/video_001.limbs")));
}

TEST(SynthProject, WritesVideosSubjectsSegmentsAndASkeletonPerFrame) {
    const SharedProject& p = sharedProject();
    ASSERT_EQ(p.summary.videos.size(), 2u);
    auto store = annotation::ProjectStore::open(p.path);
    ASSERT_TRUE(store.ok()) << store.error();
    const annotation::Taxonomy& taxonomy = store.value()->taxonomy();
    ASSERT_TRUE(taxonomy.findTask("handedness") && taxonomy.findTask("build") && taxonomy.findTask("clothing"));
    EXPECT_EQ(taxonomy.findTask("handedness")->scope, annotation::TaskScope::Subject);
    auto videos = store.value()->videos();
    ASSERT_EQ(videos->size(), 2u);
    for (size_t v = 0; v < 2; ++v) {
        const annotation::Video& video = videos.value()[v];
        const SynthVideoSummary& made = p.summary.videos[v];
        auto source = media::openFrameSource(video.path, media::OpenOptions{25.0, "", false});
        ASSERT_TRUE(source.ok()) << source.error();
        EXPECT_EQ(source.value()->info().frameCount, video.frameCount);
        EXPECT_EQ(source.value()->info().width, 160);
        EXPECT_EQ(video.frameCount, made.frameCount);
        auto skeletons = store.value()->skeletonFrames(video.id, 0, video.frameCount - 1);
        ASSERT_EQ(static_cast<std::int64_t>(skeletons->size()), video.frameCount);
        EXPECT_EQ(skeletons.value()[0].joints.size(), 13u);
        EXPECT_EQ(skeletons.value()[0].layoutId, store.value()->skeletonLayout("Penn-13")->id);
        auto masks = readLimbMasks(made.maskPath);
        ASSERT_TRUE(masks.ok()) << masks.error();
        ASSERT_EQ(static_cast<std::int64_t>(masks->size()), video.frameCount);
        int moving = 0;
        for (size_t f = 1; f < masks->size(); ++f) moving += masks.value()[f].mostMoved >= 1 && masks.value()[f].mostMoved <= kLimbCount;
        EXPECT_GT(moving, static_cast<int>(masks->size()) / 2);
    }
}

TEST(SynthProject, SegmentLabelsAgreeWithTheSourceSequencesAndSubjectsWithTheMannequins) {
    const SharedProject& p = sharedProject();
    auto store = annotation::ProjectStore::open(p.path);
    ASSERT_TRUE(store.ok()) << store.error();
    auto videos = store.value()->videos();
    auto subjects = store.value()->subjects();
    ASSERT_EQ(videos->size(), p.summary.videos.size());
    for (size_t v = 0; v < videos->size(); ++v) {
        const SynthVideoSummary& made = p.summary.videos[v];
        auto segments = store.value()->segmentsOfVideo(videos.value()[v].id);
        ASSERT_EQ(segments->size(), made.clips.size());
        ASSERT_GE(segments->size(), 2u);
        ASSERT_LE(segments->size(), 3u);
        std::set<std::string> actions;
        std::int64_t previousLast = -1;
        for (size_t s = 0; s < segments->size(); ++s) {
            const annotation::Segment& segment = segments.value()[s];
            const SynthClipSummary& clip = made.clips[s];
            auto source = formats::readPennActionLabels(fixtures::pennLabelFile(clip.motion));
            ASSERT_TRUE(source.ok());
            EXPECT_EQ(segment.labels.at("action"), source->action);
            const bool mirrored = made.mannequin.handedness == Handedness::Left;
            EXPECT_EQ(segment.labels.at("viewpoint"), mirrored ? mirroredViewpoint(source->viewpoint) : source->viewpoint);
            EXPECT_EQ(segment.firstFrame, clip.firstFrame);
            EXPECT_EQ(segment.lastFrame, clip.lastFrame);
            EXPECT_GT(segment.firstFrame, previousLast) << "segments overlap";
            previousLast = segment.lastFrame;
            actions.insert(source->action);
            const annotation::Subject* subject = nullptr;
            for (const annotation::Subject& candidate : subjects.value()) {
                if (candidate.id == segment.subjectId) subject = &candidate;
            }
            ASSERT_NE(subject, nullptr);
            EXPECT_EQ(subject->name, made.subjectName);
            EXPECT_EQ(subject->attributes.at("handedness"), handednessName(made.mannequin.handedness));
            EXPECT_EQ(subject->attributes.at("build"), buildName(made.mannequin.build));
            EXPECT_EQ(subject->attributes.at("clothing"), made.mannequin.clothingColour);
        }
        EXPECT_EQ(actions.size(), segments->size()) << "a video's clips show different actions";
    }
}

// Decodes the video and walks along every arm and leg of the stored skeleton: where the mask
// says the limb is on top, the picture has the limb's clothing colour; and that colour is rare
// on the background, so a mannequin drawn elsewhere would fail.
TEST(SynthProject, DrawnMannequinSitsWhereTheGroundTruthSkeletonSays) {
    const SharedProject& p = sharedProject();
    auto store = annotation::ProjectStore::open(p.path);
    ASSERT_TRUE(store.ok()) << store.error();
    const annotation::Video video = store.value()->videos().value()[0];
    const SynthVideoSummary& made = p.summary.videos[0];
    auto source = media::openFrameSource(video.path, media::OpenOptions{25.0, "", false});
    ASSERT_TRUE(source.ok()) << source.error();
    auto masks = readLimbMasks(made.maskPath);
    ASSERT_TRUE(masks.ok());
    auto skeletons = store.value()->skeletonFrames(video.id, 0, video.frameCount - 1);
    ASSERT_TRUE(skeletons.ok());

    constexpr int kTolerance = 48;
    constexpr float kBorder = 8.0f;
    int samples = 0, onBody = 0, onLimb = 0, coloured = 0;
    int background = 0, backgroundLikeShirt = 0;
    for (int f = 0; f < video.frameCount; f += 2) {
        auto frame = source.value()->readFrame(f);
        ASSERT_TRUE(frame.ok()) << frame.error();
        const LimbMask& mask = masks.value()[static_cast<size_t>(f)];
        Pose pose;
        for (int j = 0; j < kJointCount; ++j) {
            const annotation::Joint& joint = skeletons.value()[static_cast<size_t>(f)].joints[static_cast<size_t>(j)];
            pose[static_cast<size_t>(j)] = {joint.x, joint.y};
        }
        for (int limb = kLimbLeftUpperArm; limb <= kLimbRightShin; ++limb) {
            const auto [a, b] = limbSegment(pose, limb);
            const bool nearBorder = std::min({a.x, b.x, a.y, b.y}) < kBorder || std::max(a.x, b.x) > 160 - kBorder ||
                                    std::max(a.y, b.y) > 120 - kBorder;
            if (nearBorder) continue;
            const Rgb expected = limb <= kLimbRightForearm ? made.mannequin.upper : made.mannequin.lower;
            for (float t : {0.35f, 0.5f, 0.65f}) {
                const Point2 q = lerp(a, b, t);
                const int x = static_cast<int>(std::lround(q.x)), y = static_cast<int>(std::lround(q.y));
                ++samples;
                onBody += mask.at(x, y) != kBackground;
                if (mask.at(x, y) != limb) continue;
                ++onLimb;
                coloured += nearColour(frame.value()->row(y) + 3 * x, expected, kTolerance);
            }
        }
        for (int y = 0; y < 120; y += 3) {
            for (int x = 0; x < 160; x += 3) {
                if (mask.at(x, y) != kBackground) continue;
                ++background;
                backgroundLikeShirt += nearColour(frame.value()->row(y) + 3 * x, made.mannequin.upper, kTolerance);
            }
        }
    }
    ASSERT_GT(samples, 100);
    EXPECT_GT(onBody, samples * 97 / 100) << "the mask has no body under the skeleton's limbs";
    EXPECT_GT(onLimb, samples * 6 / 10) << "the limbs are mostly covered by others";
    EXPECT_GT(coloured, onLimb * 9 / 10) << coloured << " of " << onLimb << " limb samples have the limb's colour";
    EXPECT_LT(backgroundLikeShirt, background / 20) << "the background looks like the shirt";
}

TEST(SynthProject, RefusesAnExistingProjectAndLeavesNothingOnFailure) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("taken.alproj"), "x");
    auto taken = synthesiseProject(smallSettings(dir.file("taken.alproj"), 1), motions());
    ASSERT_FALSE(taken.ok());
    EXPECT_NE(taken.error().find("exists"), std::string::npos);

    std::vector<MotionClip> oneAction;
    for (const MotionClip& clip : motions()) {
        if (clip.action == motions()[0].action) oneAction.push_back(clip);
    }
    auto single = synthesiseProject(smallSettings(dir.file("one.alproj"), 1), oneAction);
    ASSERT_FALSE(single.ok());
    EXPECT_FALSE(fs::exists(dir.file("one.alproj")));

    SynthCallbacks callbacks;
    int calls = 0;
    callbacks.cancelled = [&] { return ++calls > 5; };
    auto cancelled = synthesiseProject(smallSettings(dir.file("stop.alproj"), 1), motions(), callbacks);
    ASSERT_FALSE(cancelled.ok());
    EXPECT_FALSE(fs::exists(dir.file("stop.alproj")));
    EXPECT_FALSE(fs::exists(dir.file("stop_videos")));
}
