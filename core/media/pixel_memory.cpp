#include "core/media/video_frame.h"

#include <cstdlib>

#include <sys/mman.h>

namespace actionlens::media {

namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}

void* allocatePixelMemory(size_t bytes) {
    if (bytes < kHugePage) return std::malloc(bytes == 0 ? 1 : bytes);
    const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void* memory = std::aligned_alloc(kHugePage, rounded);
    if (memory) madvise(memory, rounded, MADV_HUGEPAGE);  // advice only: failure is harmless
    return memory;
}

void freePixelMemory(void* memory) noexcept { std::free(memory); }

}  // namespace actionlens::media
