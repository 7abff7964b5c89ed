// synth_bench: how fast core/synth renders demo videos, and how much of the time encoding takes,
// measured side by side in one run so the machine's noise cancels out in the ratio:
//
//   synth_bench [--size 320x240] [--fps 25] [--videos 4] [--seed 1]
//
//  1. render only: the same scripts drawn by SceneRenderer (pictures and limb masks), nothing
//     written;
//  2. render + encode: synthesiseProject writing a whole project (H.264, masks, the store), with
//     its own split of drawing and encoding time.
// Both passes draw scripts of the same kind (not the same scripts), so compare frames per second.
// Uses the built-in motion library, so it needs no dataset. Fails if the project is not written;
// asserts no time.

#include "core/synth/limbs.h"
#include "core/synth/motion_library.h"
#include "core/synth/scene_renderer.h"
#include "core/synth/synth_project.h"
#include "core/synth/video_script.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include <unistd.h>

using namespace actionlens;
using namespace actionlens::synth;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

int usage() {
    std::fprintf(stderr, "usage: synth_bench [--size WxH] [--fps N] [--videos N] [--seed N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int width = 320, height = 240, fps = 25, videos = 4;
    unsigned seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i];
        if (key == "--size" && std::sscanf(argv[i + 1], "%dx%d", &width, &height) == 2) continue;
        if (key == "--fps") fps = std::atoi(argv[i + 1]);
        else if (key == "--videos") videos = std::atoi(argv[i + 1]);
        else if (key == "--seed") seed = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
        else return usage();
    }
    if (argc % 2 == 0 || width < 64 || height < 64 || width % 2 || height % 2 || fps < 1 || videos < 1) return usage();

    auto motions = builtInMotions(fps);
    if (!motions.ok()) {
        std::fprintf(stderr, "synth_bench: %s\n", motions.error().c_str());
        return 1;
    }
    ScriptTiming timing;

    // 1. Render only: scripts from their own random stream, drawn without writing anything.
    SynthRandom random(seed);
    std::int64_t renderedFrames = 0;
    double renderOnlySeconds = 0.0;
    for (int v = 0; v < videos; ++v) {
        const Mannequin mannequin = randomMannequin(random);
        auto script = scriptVideo(motions.value(), mannequin, width, height, fps, timing, random);
        if (!script.ok()) {
            std::fprintf(stderr, "synth_bench: %s\n", script.error().c_str());
            return 1;
        }
        SceneRenderer renderer(width, height, random.next());
        media::VideoFrame frame;
        LimbMask mask;
        const auto start = Clock::now();
        for (int f = 0; f < script->frameCount(); ++f) {
            const size_t at = static_cast<size_t>(f);
            PosedFigure figure{&script->mannequin, script->imagePoses[at], script->camera[at].scale, script->frameViewpoints[at]};
            renderer.render(figure, frame, mask);
            mask.mostMoved = f > 0 ? mostMovedLimb(script->imagePoses[at - 1], script->imagePoses[at]) : 0;
        }
        renderOnlySeconds += secondsSince(start);
        renderedFrames += script->frameCount();
    }

    // 2. Render + encode: a whole project.
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("synth_bench_" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::create_directories(folder);
    SynthSettings settings;
    settings.projectPath = (folder / "bench.alproj").string();
    settings.videos = videos;
    settings.seed = seed;
    settings.width = width;
    settings.height = height;
    settings.fps = fps;
    settings.timing = timing;
    const auto start = Clock::now();
    auto summary = synthesiseProject(settings, motions.value());
    const double wallSeconds = secondsSince(start);
    std::filesystem::remove_all(folder);
    if (!summary.ok()) {
        std::fprintf(stderr, "synth_bench: %s\n", summary.error().c_str());
        return 1;
    }
    std::int64_t projectFrames = 0;
    for (const SynthVideoSummary& video : summary->videos) projectFrames += video.frameCount;
    if (projectFrames < 1 || renderedFrames < 1) {
        std::fprintf(stderr, "synth_bench: no frames rendered\n");
        return 1;
    }
    const double drawAndEncode = summary->renderSeconds + summary->encodeSeconds;
    std::printf("synth_bench: %dx%d at %d fps, %d videos, codec %s\n", width, height, fps, videos, summary->codec.c_str());
    std::printf("  render only:      %8lld frames  %8.1f frames/s\n", static_cast<long long>(renderedFrames),
                renderedFrames / renderOnlySeconds);
    std::printf("  render + encode:  %8lld frames  %8.1f frames/s (whole project, store included: %.1f frames/s)\n",
                static_cast<long long>(projectFrames), projectFrames / drawAndEncode, projectFrames / wallSeconds);
    std::printf("  encode share:     %8.1f %% of drawing + encoding; render-only / render+encode speed: %.2f\n",
                100.0 * summary->encodeSeconds / drawAndEncode, (renderedFrames / renderOnlySeconds) / (projectFrames / drawAndEncode));
    return 0;
}
