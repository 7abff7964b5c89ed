// Fuzzes the frame index cache (core/media/frame_index_cache, FrameIndex::deserialize): the input
// is the cache entry of a (never decoded) video file.
#include "core/media/frame_index_cache.h"
#include "tests/fuzz/fuzz_files.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace actionlens::fuzz;
    static const std::string video = scratchFolder() + "/video.mp4";
    static const actionlens::media::FrameIndexCache cache(scratchFolder() + "/cache");
    static const std::string entry = [] {
        resetFolder(scratchFolder() + "/cache");
        writeFile(video, "not decoded");
        return cache.entryPath(video);
    }();
    writeFile(entry, std::string(reinterpret_cast<const char*>(data), size));
    if (auto index = cache.load(video)) {
        // What it accepted must answer the player's questions without running off its tables.
        (void)index->keyframeAtOrBefore(index->frameCount() - 1);
        (void)index->frameAtSeconds(index->durationSeconds() / 2);
        (void)index->averageFps();
        (void)index->frameForPacketDts(index->entry(0).dts);
    }
    return 0;
}
