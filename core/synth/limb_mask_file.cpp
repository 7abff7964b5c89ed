#include "core/synth/limb_mask_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

namespace actionlens::synth {

namespace {

constexpr char kMagic[8] = {'A', 'L', 'L', 'I', 'M', 'B', '1', '\n'};

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void putVarint(std::vector<std::uint8_t>& out, std::uint32_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

std::uint32_t getU32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 | static_cast<std::uint32_t>(p[2]) << 16 |
           static_cast<std::uint32_t>(p[3]) << 24;
}

}  // namespace

LimbMaskWriter::LimbMaskWriter(std::string path, std::FILE* file, int width, int height)
    : path_(std::move(path)), file_(file), width_(width), height_(height) {}

Result<std::unique_ptr<LimbMaskWriter>> LimbMaskWriter::open(const std::string& path, int width, int height) {
    if (width <= 0 || height <= 0) return makeError("limb masks need a positive size");
    std::FILE* file = std::fopen((path + ".part").c_str(), "wb");
    if (!file) return makeError("cannot write '" + path + ".part': " + std::strerror(errno));
    std::unique_ptr<LimbMaskWriter> writer(new LimbMaskWriter(path, file, width, height));
    std::vector<std::uint8_t> header(kMagic, kMagic + 8);
    putU32(header, static_cast<std::uint32_t>(width));
    putU32(header, static_cast<std::uint32_t>(height));
    if (std::fwrite(header.data(), 1, header.size(), file) != header.size()) return makeError("cannot write '" + path + ".part'");
    return writer;
}

LimbMaskWriter::~LimbMaskWriter() {
    if (file_) {
        std::fclose(file_);
        std::error_code ec;
        std::filesystem::remove(path_ + ".part", ec);
    }
}

Status LimbMaskWriter::write(const LimbMask& mask) {
    if (!file_) return makeError("'" + path_ + "' is already finished");
    if (mask.width != width_ || mask.height != height_ || mask.ids.size() != static_cast<size_t>(width_) * static_cast<size_t>(height_)) {
        return makeError("a limb mask of " + std::to_string(mask.width) + "x" + std::to_string(mask.height) + " does not fit '" +
                         path_ + "' (" + std::to_string(width_) + "x" + std::to_string(height_) + ")");
    }
    payload_.clear();
    size_t i = 0;
    while (i < mask.ids.size()) {
        size_t j = i + 1;
        while (j < mask.ids.size() && mask.ids[j] == mask.ids[i]) ++j;
        payload_.push_back(mask.ids[i]);
        putVarint(payload_, static_cast<std::uint32_t>(j - i));
        i = j;
    }
    std::vector<std::uint8_t> head;
    head.push_back(static_cast<std::uint8_t>(mask.mostMoved));
    putU32(head, static_cast<std::uint32_t>(payload_.size()));
    if (std::fwrite(head.data(), 1, head.size(), file_) != head.size() ||
        std::fwrite(payload_.data(), 1, payload_.size(), file_) != payload_.size()) {
        return makeError("cannot write '" + path_ + ".part': " + std::strerror(errno));
    }
    return Status::success();
}

Status LimbMaskWriter::finish() {
    if (!file_) return makeError("'" + path_ + "' is already finished");
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    std::error_code ec;
    if (!closed) {
        std::filesystem::remove(path_ + ".part", ec);
        return makeError("cannot write '" + path_ + ".part'");
    }
    std::filesystem::rename(path_ + ".part", path_, ec);
    if (ec) {
        std::filesystem::remove(path_ + ".part", ec);
        return makeError("cannot rename '" + path_ + ".part': " + ec.message());
    }
    return Status::success();
}

Result<std::vector<LimbMask>> readLimbMasks(const std::string& path) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return makeError("cannot read '" + path + "': " + std::strerror(errno));
    std::vector<std::uint8_t> bytes;
    std::uint8_t buffer[65536];
    size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof(buffer), file.get())) > 0) bytes.insert(bytes.end(), buffer, buffer + got);
    if (bytes.size() < 16 || std::memcmp(bytes.data(), kMagic, 8) != 0) return makeError("'" + path + "' is not a limb mask file");
    const std::uint32_t width = getU32(bytes.data() + 8);
    const std::uint32_t height = getU32(bytes.data() + 12);
    if (width == 0 || height == 0 || width > 16384 || height > 16384) return makeError("'" + path + "': bad size in the header");
    const size_t pixels = static_cast<size_t>(width) * height;
    std::vector<LimbMask> masks;
    size_t at = 16;
    while (at < bytes.size()) {
        const std::string where = "'" + path + "' frame " + std::to_string(masks.size());
        if (bytes.size() - at < 5) return makeError(where + ": truncated");
        LimbMask mask;
        mask.width = static_cast<int>(width);
        mask.height = static_cast<int>(height);
        mask.mostMoved = bytes[at];
        const size_t end = at + 5 + getU32(bytes.data() + at + 1);
        if (end > bytes.size()) return makeError(where + ": truncated");
        at += 5;
        mask.ids.reserve(pixels);
        while (at < end) {
            const std::uint8_t id = bytes[at++];
            std::uint32_t run = 0;
            int shift = 0;
            while (true) {
                if (at >= end || shift > 28) return makeError(where + ": bad run length");
                const std::uint8_t b = bytes[at++];
                run |= static_cast<std::uint32_t>(b & 0x7f) << shift;
                shift += 7;
                if (!(b & 0x80)) break;
            }
            if (mask.ids.size() + run > pixels) return makeError(where + ": runs cover more than the frame");
            mask.ids.insert(mask.ids.end(), run, id);
        }
        if (mask.ids.size() != pixels) return makeError(where + ": runs cover less than the frame");
        masks.push_back(std::move(mask));
    }
    return masks;
}

}  // namespace actionlens::synth
