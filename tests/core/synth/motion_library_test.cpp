#include "core/synth/motion_library.h"

#include "core/annotation/project_store.h"
#include "core/formats/penn_action_labels.h"
#include "core/synth/synth_project.h"
#include "tests/core/synth/synth_fixtures.h"
#include "tests/support/test_videos.h"

#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

const MotionLibrary& builtIn() {
    static const MotionLibrary library = [] {
        auto loaded = builtInMotionLibrary();
        EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error());
        return loaded.ok() ? std::move(loaded).value() : MotionLibrary{};
    }();
    return library;
}

std::string builtInBytes() {
    EXPECT_TRUE(builtInMotionLibrary().ok());  // registers the resource
    QFile file(QStringLiteral(":/motion/penn_action_motions.bin"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

std::string pennTrainFolder() { return std::string(ACTIONLENS_SHARED_DIR) + "/data/penn_action/train"; }

}  // namespace

TEST(MotionLibrary, BuiltInHasEveryPennActionAndTheCitation) {
    const MotionLibrary& library = builtIn();
    EXPECT_EQ(library.version, kMotionLibraryVersion);
    EXPECT_EQ(library.jointOrder.rfind("head,left_shoulder,right_shoulder,", 0), 0u) << library.jointOrder;
    EXPECT_NE(library.notice.find("From Actemes to Action"), std::string::npos);
    EXPECT_NE(library.notice.find("ICCV 2013"), std::string::npos);
    EXPECT_LT(builtInBytes().size(), 1000000u);
    std::set<std::string> actions;
    std::set<std::pair<std::string, std::string>> pairs;
    for (const MotionClip& clip : library.clips) {
        actions.insert(clip.action);
        pairs.insert({clip.action, clip.viewpoint});
        EXPECT_EQ(clip.fps, kPennFps);
        EXPECT_GE(clip.frames.size(), 2u) << clip.name;
    }
    for (const char* action : formats::kPennActions) EXPECT_EQ(actions.count(action), 1u) << action;
    // Several viewpoints per action on average: the library is not one sequence per action.
    EXPECT_GT(pairs.size(), 2 * formats::kPennActions.size());
}

TEST(MotionLibrary, JointsAgreeWithTheSourceSequencesWithinTheQuantisation) {
    const MotionLibrary& library = builtIn();
    ASSERT_FALSE(library.clips.empty());
    for (const MotionClip& stored : library.clips) {
        auto sequence = formats::readPennActionLabels(fixtures::pennLabelFile(stored.name));
        ASSERT_TRUE(sequence.ok()) << sequence.error();
        auto source = filledPennMotion(sequence.value(), stored.name);
        ASSERT_TRUE(source.ok()) << source.error();
        EXPECT_EQ(stored.action, source->action);
        EXPECT_EQ(stored.viewpoint, source->viewpoint);
        EXPECT_EQ(stored.everVisible, source->everVisible) << stored.name;
        ASSERT_EQ(stored.frames.size(), source->frames.size()) << stored.name;
        // The box the coordinates are quantised in: around every ever-visible joint.
        float left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
        for (const Pose& pose : source->frames) {
            for (int j = 0; j < kJointCount; ++j) {
                if (!source->everVisible[static_cast<size_t>(j)]) continue;
                left = std::min(left, pose[j].x);
                right = std::max(right, pose[j].x);
                top = std::min(top, pose[j].y);
                bottom = std::max(bottom, pose[j].y);
            }
        }
        const float toleranceX = std::max(right - left, 1.0f) / 131070.0f + 1e-3f;
        const float toleranceY = std::max(bottom - top, 1.0f) / 131070.0f + 1e-3f;
        for (size_t f = 0; f < stored.frames.size(); ++f) {
            for (int j = 0; j < kJointCount; ++j) {
                if (!source->everVisible[static_cast<size_t>(j)]) continue;
                ASSERT_NEAR(stored.frames[f][j].x, source->frames[f][j].x, toleranceX) << stored.name << " frame " << f << " joint " << j;
                ASSERT_NEAR(stored.frames[f][j].y, source->frames[f][j].y, toleranceY) << stored.name << " frame " << f << " joint " << j;
            }
        }
    }
}

TEST(MotionLibrary, RebuildingFromTheDatasetGivesTheCommittedBytes) {
    auto rebuilt = buildMotionLibrary(pennTrainFolder(), 2);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.error();
    EXPECT_EQ(rebuilt->filesRead, 1258);
    EXPECT_EQ(rebuilt->sequences, static_cast<int>(builtIn().clips.size()));
    // A difference means the format or the selection changed: rebuild resources/motion (README).
    EXPECT_TRUE(rebuilt->bytes == builtInBytes()) << "rebuilt " << rebuilt->bytes.size() << " bytes";
}

TEST(MotionLibrary, EncodingRoundTripsAndRejectsWhatItCannotStore) {
    std::vector<MotionClip> clips = fixtures::realMotions(kPennFps);
    ASSERT_FALSE(clips.empty());
    auto bytes = encodeMotionLibrary(clips);
    ASSERT_TRUE(bytes.ok()) << bytes.error();
    auto decoded = decodeMotionLibrary(bytes.value(), "test");
    ASSERT_TRUE(decoded.ok()) << decoded.error();
    ASSERT_EQ(decoded->clips.size(), clips.size());
    EXPECT_EQ(decoded->clips[0].name, clips[0].name);
    EXPECT_EQ(encodeMotionLibrary(decoded->clips).value().size(), bytes->size());

    std::vector<MotionClip> resampled = fixtures::realMotions(25.0);
    EXPECT_FALSE(encodeMotionLibrary(resampled).ok());  // not at the source rate
    clips[0].name = "walk";
    auto badName = encodeMotionLibrary(clips);
    ASSERT_FALSE(badName.ok());
    EXPECT_NE(badName.error().find("'walk'"), std::string::npos) << badName.error();
}

TEST(MotionLibrary, DamagedFilesAreRefusedWithAClearMessage) {
    const std::string good = builtInBytes();
    ASSERT_GT(good.size(), 1000u);
    const auto refused = [](const std::string& bytes, const std::string& expected) {
        auto result = decodeMotionLibrary(bytes, "'lib.bin'");
        ASSERT_FALSE(result.ok()) << "accepted: " << expected;
        EXPECT_NE(result.error().find("'lib.bin' is not a usable motion library"), std::string::npos) << result.error();
        EXPECT_NE(result.error().find(expected), std::string::npos) << result.error();
    };
    refused("", "ALMOTLIB");
    refused("PK\x03\x04 not a library at all", "ALMOTLIB");
    refused(good.substr(0, 12), "header");
    refused(good.substr(0, good.size() / 2), "damaged");
    refused(good.substr(0, good.size() - 1), "damaged");
    std::string flipped = good;
    flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x10);
    refused(flipped, "damaged");
    std::string newer = good;
    newer[8] = 2;
    refused(newer, "version 2");

    fixtures::TempDir dir;
    const std::string path = dir.file("truncated.bin");
    std::ofstream(path, std::ios::binary) << good.substr(0, 5000);
    auto fromFile = readMotionLibraryFile(path);
    ASSERT_FALSE(fromFile.ok());
    EXPECT_NE(fromFile.error().find(path), std::string::npos) << fromFile.error();
    EXPECT_FALSE(readMotionLibraryFile(dir.file("missing.bin")).ok());
}

TEST(MotionLibrary, BuiltInMotionsDriveASynthesisedProject) {
    auto motions = builtInMotions(15.0);
    ASSERT_TRUE(motions.ok()) << motions.error();
    ASSERT_EQ(motions->size(), builtIn().clips.size());
    EXPECT_EQ(motions->front().fps, 15.0);
    fixtures::TempDir dir;
    SynthSettings settings;
    settings.projectPath = dir.file("demo.alproj");
    settings.videos = 1;
    settings.seed = 7;
    settings.width = 160;
    settings.height = 120;
    settings.fps = 15;
    settings.timing.minClips = 2;
    settings.timing.maxClips = 2;
    settings.timing.targetSeconds = 0.0;
    settings.timing.maxClipSeconds = 1.0;
    auto summary = synthesiseProject(settings, motions.value());
    ASSERT_TRUE(summary.ok()) << summary.error();
    ASSERT_EQ(summary->videos.size(), 1u);
    const SynthVideoSummary& video = summary->videos.front();
    ASSERT_EQ(video.clips.size(), 2u);
    for (const SynthClipSummary& clip : video.clips) {
        const auto source = std::find_if(builtIn().clips.begin(), builtIn().clips.end(),
                                         [&](const MotionClip& c) { return c.name == clip.motion; });
        ASSERT_NE(source, builtIn().clips.end()) << clip.motion;
        EXPECT_EQ(clip.action, source->action);
    }
    auto store = annotation::ProjectStore::open(settings.projectPath);
    ASSERT_TRUE(store.ok()) << store.error();
    const auto videos = store.value()->videos().value();
    ASSERT_EQ(videos.size(), 1u);
    EXPECT_EQ(videos[0].frameCount, video.frameCount);
    EXPECT_EQ(static_cast<int>(store.value()->skeletonFrames(videos[0].id, 0, videos[0].frameCount - 1).value().size()), video.frameCount);
}
