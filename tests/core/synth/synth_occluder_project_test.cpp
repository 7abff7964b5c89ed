// Project-level checks of occluders and dataset splits: what synthesiseProject writes when they are
// forced on, off, or left to the seed.

#include "core/synth/synth_project.h"

#include "core/annotation/project_store.h"
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

SynthSettings settingsFor(const std::string& path, std::uint32_t seed, OccluderMode occluders) {
    SynthSettings s = fixtures::smallSynthSettings(path, seed);
    s.occluders = occluders;
    return s;
}

std::vector<annotation::SkeletonFrame> skeletonsOf(annotation::ProjectStore& store, const annotation::Video& video) {
    return store.skeletonFrames(video.id, 0, video.frameCount - 1).value();
}

bool inPicture(const annotation::Joint& j, int width, int height) { return j.x >= 0 && j.y >= 0 && j.x < width && j.y < height; }

}  // namespace

// Forced on: the decoded picture shows the occluder's colour where the mask names the occluder,
// and exactly the joints under the occluder's rectangle are not visible.
TEST(SynthOccluders, ForcedOnTheyAreDrawnMaskedAndHideTheJointsBehindThem) {
    fixtures::TempDir dir;
    auto made = synthesiseProject(settingsFor(dir.file("occ.alproj"), 42, OccluderMode::Always), motions());
    ASSERT_TRUE(made.ok()) << made.error();
    auto store = annotation::ProjectStore::open(dir.file("occ.alproj"));
    ASSERT_TRUE(store.ok()) << store.error();
    const std::vector<annotation::Video> videos = store.value()->videos().value();
    ASSERT_EQ(videos.size(), 2u);
    int occluderSamples = 0, occluderColoured = 0, hidden = 0, visibleInPicture = 0, hiddenOnOccluderMask = 0;
    for (size_t v = 0; v < videos.size(); ++v) {
        const SynthVideoSummary& summary = made.value().videos[v];
        ASSERT_TRUE(summary.occluder.has_value());
        const Occluder& occluder = *summary.occluder;
        auto source = media::openFrameSource(videos[v].path, media::OpenOptions{25.0, "", false});
        ASSERT_TRUE(source.ok()) << source.error();
        auto masks = readLimbMasks(summary.maskPath);
        ASSERT_TRUE(masks.ok()) << masks.error();
        const std::vector<annotation::SkeletonFrame> skeletons = skeletonsOf(*store.value(), videos[v]);
        ASSERT_EQ(static_cast<int>(skeletons.size()), videos[v].frameCount);
        // Where the picture is a blend (panels), it lies within (1 - opacity) of the full range.
        const double tolerance = 40.0 + (1.0 - occluder.opacity) * 255.0;
        for (int f = 0; f < videos[v].frameCount; ++f) {
            const LimbMask& mask = masks.value()[static_cast<size_t>(f)];
            const auto at = occluderAt(occluder, f, 160, 120);
            for (const annotation::Joint& joint : skeletons[static_cast<size_t>(f)].joints) {
                if (!inPicture(joint, 160, 120)) {
                    EXPECT_FALSE(joint.visible);
                    continue;
                }
                const bool behind = at && at->covers({joint.x, joint.y});
                EXPECT_EQ(joint.visible, !behind) << "video " << v << " frame " << f;
                hidden += behind;
                visibleInPicture += !behind;
                if (behind) hiddenOnOccluderMask += mask.at(static_cast<int>(joint.x), static_cast<int>(joint.y)) == kOccluder;
            }
            if (!at) {
                for (std::uint8_t id : mask.ids) ASSERT_NE(id, kOccluder) << "frame " << f << " has no occluder";
                continue;
            }
            if (f % 3 != 0) continue;
            auto frame = source.value()->readFrame(f);
            ASSERT_TRUE(frame.ok()) << frame.error();
            // Inner pixels only: the codec's chroma subsampling smears a pixel or two at edges.
            for (int y = 2; y < 118; y += 2) {
                for (int x = 2; x < 158; x += 2) {
                    if (mask.at(x, y) != kOccluder) continue;
                    if (mask.at(x - 2, y) != kOccluder || mask.at(x + 2, y) != kOccluder || mask.at(x, y - 2) != kOccluder ||
                        mask.at(x, y + 2) != kOccluder)
                        continue;
                    ++occluderSamples;
                    const std::uint8_t* rgb = frame.value()->row(y) + 3 * x;
                    occluderColoured += std::abs(rgb[0] - occluder.colour.r) <= tolerance &&
                                        std::abs(rgb[1] - occluder.colour.g) <= tolerance &&
                                        std::abs(rgb[2] - occluder.colour.b) <= tolerance;
                }
            }
        }
    }
    ASSERT_GT(occluderSamples, 200);
    EXPECT_GT(occluderColoured, occluderSamples * 95 / 100) << occluderColoured << " of " << occluderSamples;
    EXPECT_GT(hidden, 0) << "no joint ever went behind an occluder";
    EXPECT_GT(visibleInPicture, hidden);
    EXPECT_EQ(hiddenOnOccluderMask, hidden) << "the mask and the ground truth disagree about hidden joints";
}

// Off: the same project as before the feature: same coordinates and labels as with occluders, every
// joint in the picture visible, no occluder pixel in any mask.
TEST(SynthOccluders, OffChangesNothingAndOnChangesOnlyVisibility) {
    fixtures::TempDir dir;
    auto off = synthesiseProject(settingsFor(dir.file("off.alproj"), 7, OccluderMode::Never), motions());
    ASSERT_TRUE(off.ok()) << off.error();
    auto on = synthesiseProject(settingsFor(dir.file("on.alproj"), 7, OccluderMode::Always), motions());
    ASSERT_TRUE(on.ok()) << on.error();
    auto offStore = annotation::ProjectStore::open(dir.file("off.alproj"));
    auto onStore = annotation::ProjectStore::open(dir.file("on.alproj"));
    ASSERT_TRUE(offStore.ok() && onStore.ok());
    EXPECT_EQ(offStore.value()->subjects().value(), onStore.value()->subjects().value());
    const auto offVideos = offStore.value()->videos().value();
    const auto onVideos = onStore.value()->videos().value();
    ASSERT_EQ(offVideos.size(), onVideos.size());
    int changed = 0;
    for (size_t v = 0; v < offVideos.size(); ++v) {
        EXPECT_FALSE(off.value().videos[v].occluder.has_value());
        ASSERT_EQ(offVideos[v].frameCount, onVideos[v].frameCount);
        const auto a = skeletonsOf(*offStore.value(), offVideos[v]);
        const auto b = skeletonsOf(*onStore.value(), onVideos[v]);
        ASSERT_EQ(a.size(), b.size());
        for (size_t f = 0; f < a.size(); ++f) {
            for (size_t j = 0; j < a[f].joints.size(); ++j) {
                const annotation::Joint& p = a[f].joints[j];
                const annotation::Joint& q = b[f].joints[j];
                EXPECT_EQ(p.x, q.x);
                EXPECT_EQ(p.y, q.y);
                EXPECT_EQ(p.confidence, q.confidence);
                EXPECT_EQ(p.visible, inPicture(p, 160, 120));
                changed += p.visible != q.visible;
            }
        }
        auto segmentsOff = offStore.value()->segmentsOfVideo(offVideos[v].id).value();
        auto segmentsOn = onStore.value()->segmentsOfVideo(onVideos[v].id).value();
        ASSERT_EQ(segmentsOff.size(), segmentsOn.size());
        for (size_t s = 0; s < segmentsOff.size(); ++s) {
            EXPECT_EQ(segmentsOff[s].labels, segmentsOn[s].labels);
            EXPECT_EQ(segmentsOff[s].firstFrame, segmentsOn[s].firstFrame);
            EXPECT_EQ(segmentsOff[s].lastFrame, segmentsOn[s].lastFrame);
        }
        auto masks = readLimbMasks(off.value().videos[v].maskPath);
        ASSERT_TRUE(masks.ok());
        for (const LimbMask& mask : masks.value())
            for (std::uint8_t id : mask.ids) ASSERT_NE(id, kOccluder);
    }
    EXPECT_GT(changed, 0) << "occluders on hid no joint";
}

// Left to the seed: some videos have an occluder and some not; every video is in train or test,
// both splits are used, the store counts them per split, and the same seed gives the same choice.
TEST(SynthOccluders, TheSeedDecidesOccludersAndSplitsWhichTheStoreCounts) {
    fixtures::TempDir dir;
    auto settings = [&](const char* name) {
        SynthSettings s = settingsFor(dir.file(name), 5, OccluderMode::Seeded);
        s.videos = 8;
        s.width = 64;
        s.height = 64;
        s.timing.maxClips = 2;
        s.timing.maxClipSeconds = 0.8;
        return s;
    };
    auto a = synthesiseProject(settings("a.alproj"), motions());
    ASSERT_TRUE(a.ok()) << a.error();
    auto b = synthesiseProject(settings("b.alproj"), motions());
    ASSERT_TRUE(b.ok()) << b.error();
    int occluded = 0;
    std::map<std::string, int> perSplit;
    for (size_t v = 0; v < a.value().videos.size(); ++v) {
        const SynthVideoSummary& x = a.value().videos[v];
        const SynthVideoSummary& y = b.value().videos[v];
        occluded += x.occluder.has_value();
        EXPECT_EQ(x.occluder.has_value(), y.occluder.has_value());
        if (x.occluder && y.occluder) {
            EXPECT_EQ(x.occluder->startX, y.occluder->startX);
        }
        EXPECT_EQ(x.split, y.split);
        ++perSplit[x.split];
    }
    EXPECT_GT(occluded, 0);
    EXPECT_LT(occluded, 8);
    ASSERT_EQ(perSplit.size(), 2u);
    EXPECT_EQ(perSplit["train"], 6);
    EXPECT_EQ(perSplit["test"], 2);

    auto store = annotation::ProjectStore::open(dir.file("a.alproj"));
    ASSERT_TRUE(store.ok());
    const auto videos = store.value()->videos().value();
    for (size_t v = 0; v < videos.size(); ++v) EXPECT_EQ(videos[v].splits, std::vector<std::string>{a.value().videos[v].split});
    auto counts = store.value()->splitCounts();
    ASSERT_TRUE(counts.ok()) << counts.error();
    std::map<std::string, std::int64_t> stored;
    std::int64_t segments = 0;
    for (const annotation::SplitCounts& c : counts.value()) {
        stored[c.split] = c.videos;
        segments += c.segments;
    }
    EXPECT_EQ(stored["train"], 6);
    EXPECT_EQ(stored["test"], 2);
    std::int64_t allSegments = 0;
    for (const annotation::Video& video : videos) allSegments += static_cast<std::int64_t>(store.value()->segmentsOfVideo(video.id)->size());
    EXPECT_EQ(segments, allSegments);
}
