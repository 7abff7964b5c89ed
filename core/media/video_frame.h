#pragma once

// One decoded picture in display order: packed RGB24 (or, for painting, BGRX32), rows `stride`
// bytes apart.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace actionlens::media {

// Memory for pixels: large blocks are aligned to 2 MiB and advised to use huge pages, so a
// fresh 1080p frame costs three page faults instead of fifteen hundred (pixel_memory.cpp).
void* allocatePixelMemory(size_t bytes);
void freePixelMemory(void* memory) noexcept;

// Leaves new elements uninitialised: a decoder overwrites every byte of a frame, and zeroing
// 6 MB per 1080p frame first would cost as much as the colour conversion itself.
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
    using value_type = T;
    template <typename U>
    struct rebind {
        using other = DefaultInitAllocator<U>;
    };
    DefaultInitAllocator() = default;
    template <typename U>
    DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
    T* allocate(size_t n) {
        void* memory = allocatePixelMemory(n * sizeof(T));
        if (!memory) throw std::bad_alloc();
        return static_cast<T*>(memory);
    }
    void deallocate(T* p, size_t) noexcept { freePixelMemory(p); }
    template <typename U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

using PixelBuffer = std::vector<uint8_t, DefaultInitAllocator<uint8_t>>;

// How a frame's pixels are packed. Rgb24: bytes R, G, B, what everything in core reads. Bgrx32:
// bytes B, G, R, 255, i.e. one 0xffRRGGBB word per pixel on little-endian machines, the format
// Qt's raster engine scales and paints fastest (QImage::Format_RGB32; 1080p into a 720p view
// took 1.5 ms instead of 9.7 ms from RGB24): for the player's view, converted on the decoder
// thread rather than on the GUI thread at every paint.
enum class PixelLayout { Rgb24, Bgrx32 };

inline int bytesPerPixel(PixelLayout layout) { return layout == PixelLayout::Bgrx32 ? 4 : 3; }

struct VideoFrame {
    int index = -1;        // 0-based position in display order
    int64_t pts = 0;       // presentation timestamp in the stream's time base
    double seconds = 0.0;  // time since the first displayed frame, from the stream's timestamps
    int width = 0;
    int height = 0;
    int stride = 0;        // bytes per row (>= bytesPerPixel(layout) * width)
    PixelLayout layout = PixelLayout::Rgb24;
    PixelBuffer rgb;       // the pixels, packed as `layout` says

    const uint8_t* row(int y) const { return rgb.data() + static_cast<size_t>(y) * stride; }
    uint8_t* row(int y) { return rgb.data() + static_cast<size_t>(y) * stride; }
    size_t byteSize() const { return rgb.size() + sizeof(VideoFrame); }
};

using FramePtr = std::shared_ptr<const VideoFrame>;

// Rows aligned to 32 bytes keep the colour converter on its fast path.
inline int alignedRgbStride(int width) { return (width * 3 + 31) & ~31; }
inline int alignedStride(int width, PixelLayout layout) { return (width * bytesPerPixel(layout) + 31) & ~31; }

}  // namespace actionlens::media
