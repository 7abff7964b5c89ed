#include "core/media/frame_stamp.h"

#include <algorithm>

namespace actionlens::media {

namespace {

constexpr int kColumns = 6;
constexpr int kRows = 4;
constexpr int kDataBits = 20;

int cellSize(int width, int height) { return std::max(8, std::min(width / (kColumns + 2), height / (kRows + 2)) / 4 * 2); }

uint32_t checkBits(uint32_t number) {
    // Nibble sum, so that a single misread cell (or a blank picture) does not pass as a number.
    uint32_t sum = 0;
    for (int shift = 0; shift < kDataBits; shift += 4) sum += (number >> shift) & 0xF;
    return (sum ^ 0xA) & 0xF;
}

}  // namespace

void drawStampedPicture(uint8_t* rgb, int width, int height, int stride, int number) {
    const int f = number;
    for (int y = 0; y < height; ++y) {
        uint8_t* row = rgb + static_cast<size_t>(y) * stride;
        for (int x = 0; x < width; ++x) {
            row[3 * x + 0] = static_cast<uint8_t>((x + 2 * f) & 0xFF);
            row[3 * x + 1] = static_cast<uint8_t>((y + f) & 0xFF);
            row[3 * x + 2] = static_cast<uint8_t>(((x + y) / 2 + 3 * f) & 0xFF);
        }
    }
    // A box gliding across the picture gives the encoder real motion to predict.
    const int box = std::max(8, height / 6);
    const int bx = (f * 7) % std::max(1, width - box);
    const int by = height / 2 + ((f * 3) % std::max(1, height / 2 - box));
    for (int y = by; y < std::min(height, by + box); ++y) {
        uint8_t* row = rgb + static_cast<size_t>(y) * stride;
        for (int x = bx; x < std::min(width, bx + box); ++x) {
            row[3 * x + 0] = 230;
            row[3 * x + 1] = 60;
            row[3 * x + 2] = 40;
        }
    }
    const uint32_t value = static_cast<uint32_t>(std::clamp(number, 0, kFrameStampMaxNumber));
    const uint32_t code = value | (checkBits(value) << kDataBits);
    const int cell = cellSize(width, height);
    const int origin = cell / 2;
    for (int bit = 0; bit < kColumns * kRows; ++bit) {
        const uint8_t level = ((code >> bit) & 1) ? 235 : 20;
        const int cx = origin + (bit % kColumns) * cell;
        const int cy = origin + (bit / kColumns) * cell;
        for (int y = cy; y < std::min(height, cy + cell); ++y) {
            uint8_t* row = rgb + static_cast<size_t>(y) * stride;
            std::fill(row + 3 * cx, row + 3 * std::min(width, cx + cell), level);
        }
    }
}

std::optional<int> readFrameStamp(const uint8_t* rgb, int width, int height, int stride) {
    const int cell = cellSize(width, height);
    const int origin = cell / 2;
    if (origin + kColumns * cell > width || origin + kRows * cell > height) return std::nullopt;
    uint32_t code = 0;
    for (int bit = 0; bit < kColumns * kRows; ++bit) {
        const int cx = origin + (bit % kColumns) * cell;
        const int cy = origin + (bit / kColumns) * cell;
        // Average the middle half of the cell, away from edges that compression smears.
        long sum = 0;
        int count = 0;
        for (int y = cy + cell / 4; y < cy + 3 * cell / 4; ++y) {
            const uint8_t* row = rgb + static_cast<size_t>(y) * stride;
            for (int x = cx + cell / 4; x < cx + 3 * cell / 4; ++x) {
                sum += row[3 * x] + row[3 * x + 1] + row[3 * x + 2];
                count += 3;
            }
        }
        if (count > 0 && sum / count > 127) code |= 1u << bit;
    }
    const uint32_t value = code & ((1u << kDataBits) - 1);
    if ((code >> kDataBits) != checkBits(value)) return std::nullopt;
    return static_cast<int>(value);
}

}  // namespace actionlens::media
