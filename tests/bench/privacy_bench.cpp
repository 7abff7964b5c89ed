// privacy_bench: face blurring on rendered videos whose head pixels are known exactly (the limb
// masks core/synth writes beside each video), and its speed against decoding alone:
//
//   privacy_bench [PROJECT.alproj] [--videos N] [--rounds 3]
//
// PROJECT must be a rendered project (actionlens-cli synth: VIDEO.limbs beside every video);
// without one a small demo is rendered first (a smoke run). For every frame of the first N
// videos: the share of the mannequins' head pixels (limb "head" in the mask: the head ellipse and
// the upper half of the neck; pixels behind an occluder are not head pixels) that the regions
// FrameAnonymiser blurs cover, from the skeletons alone (the default margin, 0.25); and the same
// for the face alone: head pixels within 0.6 x the head-to-neck distance of the true head joint
// (the head ellipse's radius is 0.53 of it, +-6 % per mannequin), without the neck. Speed: frames
// per second of decoding alone, decoding + blurring the skeletons' heads, and decoding + heads +
// the face detector, each over the same frames in one run, as the median of --rounds rounds, with
// the load average. Asserts no time.

#include "core/annotation/project_store.h"
#include "core/media/video_file_source.h"
#include "core/privacy/frame_anonymiser.h"
#include "core/synth/limb_mask_file.h"
#include "core/synth/limbs.h"
#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"
#include "tests/bench/bench_failure.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace actionlens;
using actionlens::bench::die;
using actionlens::bench::need;

namespace {

struct Options {
    std::string project;
    int videos = 20;
    int rounds = 3;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--videos") o.videos = std::max(1, std::atoi(next().c_str()));
        else if (a == "--rounds") o.rounds = std::max(1, std::atoi(next().c_str()));
        else if (!a.empty() && a[0] != '-') o.project = a;
        else die("unknown option " + a + " (usage: privacy_bench [PROJECT.alproj] [--videos N] [--rounds 3])");
    }
    return o;
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one, five, fifteen;
    in >> one >> five >> fifteen;
    return one + " " + five + " " + fifteen;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Clip {
    std::string path;
    std::vector<synth::LimbMask> masks;
    std::map<std::int64_t, std::vector<annotation::SkeletonFrame>> skeletons;  // by frame
};

enum class Work { DecodeOnly, Heads, HeadsAndDetector };

// Seconds to decode (and blur) every frame of every clip once.
double timeRound(const std::vector<Clip>& clips, Work work, privacy::FrameAnonymiser& heads, privacy::FrameAnonymiser& detecting) {
    const auto start = std::chrono::steady_clock::now();
    for (const Clip& clip : clips) {
        media::OpenOptions options;
        auto source = need(media::VideoFileSource::open(clip.path, options), "opening " + clip.path);
        for (int f = 0; f < source->info().frameCount; ++f) {
            media::FramePtr frame = need(source->readFrame(f), "decoding " + clip.path);
            if (work == Work::DecodeOnly) continue;
            media::VideoFrame copy = *frame;  // as the CLI and the player do: the decoded frame is shared
            auto found = clip.skeletons.find(f);
            const std::vector<annotation::SkeletonFrame> none;
            (work == Work::Heads ? heads : detecting).anonymise(copy, found == clip.skeletons.end() ? none : found->second);
        }
    }
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options options = parse(argc, argv);
    QTemporaryDir scratch;
    if (options.project.empty()) {
        synth::SynthSettings settings;
        settings.projectPath = scratch.filePath(QStringLiteral("demo.alproj")).toStdString();
        settings.videos = 3;
        settings.timing.targetSeconds = 3.0;
        auto motions = need(synth::builtInMotions(settings.fps), "the built-in motions");
        need(synth::synthesiseProject(settings, motions), "rendering a demo");
        options.project = settings.projectPath;
    }
    auto store = need(annotation::ProjectStore::openToRead(options.project), "opening " + options.project);
    const auto& layoutList = store->skeletonLayouts();
    const std::vector<annotation::SkeletonLayout> layouts(layoutList.begin(), layoutList.end());
    std::shared_ptr<privacy::FaceDetector> detector = need(privacy::FaceDetector::open(), "the face detector");
    privacy::FrameAnonymiser heads(layouts, {});
    privacy::FrameAnonymiser detecting(layouts, {}, detector);

    std::vector<Clip> clips;
    for (const annotation::Video& video : need(store->videos(), "reading the videos")) {
        if (static_cast<int>(clips.size()) >= options.videos) break;
        if (video.path.empty()) continue;
        Clip clip;
        clip.path = video.path;
        const std::string maskPath = std::filesystem::path(video.path).replace_extension(".limbs").string();
        clip.masks = need(synth::readLimbMasks(maskPath), "reading the limb masks (is this a rendered project?)");
        for (annotation::SkeletonFrame& s : need(store->skeletonFrames(video.id, 0, video.frameCount), "reading skeletons"))
            clip.skeletons[s.frame].push_back(std::move(s));
        clips.push_back(std::move(clip));
    }
    if (clips.empty()) die("the project has no video files");

    // Coverage: the head pixels inside the regions the skeletons give.
    std::int64_t frames = 0, framesWithHead = 0, fullyCovered = 0, atLeast95 = 0;
    double shareSum = 0.0, worst = 1.0;
    std::int64_t headPixels = 0, coveredPixels = 0;
    std::int64_t facePixels = 0, coveredFacePixels = 0, framesWithFace = 0, facesFullyCovered = 0;
    double faceShareSum = 0.0;
    for (const Clip& clip : clips) {
        auto source = need(media::VideoFileSource::open(clip.path), "opening " + clip.path);
        for (int f = 0; f < source->info().frameCount && f < static_cast<int>(clip.masks.size()); ++f) {
            ++frames;
            const synth::LimbMask& mask = clip.masks[static_cast<size_t>(f)];
            media::VideoFrame blank;
            blank.width = mask.width;
            blank.height = mask.height;
            auto found = clip.skeletons.find(f);
            const auto regions = heads.faceRegions(blank, found == clip.skeletons.end() ? std::vector<annotation::SkeletonFrame>() : found->second);
            const std::vector<bool> covered = privacy::regionCoverage(mask.width, mask.height, regions);
            // The true heads (Penn-13: joint 0 the head's centre, the neck between the shoulders).
            std::vector<std::array<float, 3>> faces;  // x, y, radius
            if (found != clip.skeletons.end())
                for (const annotation::SkeletonFrame& s : found->second) {
                    if (s.joints.size() != 13) continue;
                    const float nx = (s.joints[1].x + s.joints[2].x) * 0.5f, ny = (s.joints[1].y + s.joints[2].y) * 0.5f;
                    faces.push_back({s.joints[0].x, s.joints[0].y, 0.6f * std::hypot(s.joints[0].x - nx, s.joints[0].y - ny)});
                }
            std::int64_t head = 0, hit = 0, face = 0, faceHit = 0;
            for (size_t i = 0; i < mask.ids.size(); ++i) {
                if (mask.ids[i] != synth::kLimbHead) continue;
                ++head;
                hit += covered[i];
                const float x = static_cast<float>(i % static_cast<size_t>(mask.width)) + 0.5f;
                const float y = static_cast<float>(i / static_cast<size_t>(mask.width)) + 0.5f;
                if (std::any_of(faces.begin(), faces.end(), [&](const auto& f) { return std::hypot(x - f[0], y - f[1]) <= f[2]; })) {
                    ++face;
                    faceHit += covered[i];
                }
            }
            if (face > 0) {
                ++framesWithFace;
                facePixels += face;
                coveredFacePixels += faceHit;
                faceShareSum += static_cast<double>(faceHit) / static_cast<double>(face);
                facesFullyCovered += faceHit == face;
            }
            if (head == 0) continue;
            ++framesWithHead;
            headPixels += head;
            coveredPixels += hit;
            const double share = static_cast<double>(hit) / static_cast<double>(head);
            shareSum += share;
            worst = std::min(worst, share);
            fullyCovered += hit == head;
            atLeast95 += share >= 0.95;
        }
    }

    std::vector<double> decode, blur, detect;
    for (int r = 0; r < options.rounds; ++r) {
        decode.push_back(timeRound(clips, Work::DecodeOnly, heads, detecting));
        blur.push_back(timeRound(clips, Work::Heads, heads, detecting));
        detect.push_back(timeRound(clips, Work::HeadsAndDetector, heads, detecting));
    }
    const double decodeFps = frames / median(decode), blurFps = frames / median(blur), detectFps = frames / median(detect);
    std::printf("project: %s (%zu videos, %lld frames, %lldx%lld)\n", options.project.c_str(), clips.size(), static_cast<long long>(frames),
                static_cast<long long>(clips.front().masks.empty() ? 0 : clips.front().masks.front().width),
                static_cast<long long>(clips.front().masks.empty() ? 0 : clips.front().masks.front().height));
    std::printf("head pixels blurred (skeleton heads, margin 0.25): %.2f %% per frame on average over %lld frames with a head in view, "
                "%.2f %% of all head pixels; every head pixel in %.1f %% of the frames, >= 95 %% in %.1f %%, worst frame %.1f %%\n",
                100.0 * shareSum / std::max<std::int64_t>(1, framesWithHead), static_cast<long long>(framesWithHead),
                100.0 * static_cast<double>(coveredPixels) / std::max<std::int64_t>(1, headPixels),
                100.0 * fullyCovered / std::max<std::int64_t>(1, framesWithHead), 100.0 * atLeast95 / std::max<std::int64_t>(1, framesWithHead),
                100.0 * worst);
    std::printf("face pixels (head without the neck) blurred: %.2f %% per frame on average over %lld frames, %.2f %% of all; "
                "every face pixel in %.1f %% of the frames\n",
                100.0 * faceShareSum / std::max<std::int64_t>(1, framesWithFace), static_cast<long long>(framesWithFace),
                100.0 * static_cast<double>(coveredFacePixels) / std::max<std::int64_t>(1, facePixels),
                100.0 * facesFullyCovered / std::max<std::int64_t>(1, framesWithFace));
    std::printf("frames/s (median of %d rounds): decoding alone %.0f, decoding + blurring heads %.0f (%.2fx the time), "
                "+ face detector %.0f (%.2fx)\n",
                options.rounds, decodeFps, blurFps, decodeFps / blurFps, detectFps, decodeFps / detectFps);
    std::printf("load average: %s\n", loadAverage().c_str());
    return 0;
}
