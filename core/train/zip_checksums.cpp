#include "core/train/zip_checksums.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace actionlens::train {

namespace {

std::uint32_t crc32Of(const unsigned char* data, std::size_t size) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

struct Bytes {
    const std::vector<unsigned char>& data;
    bool has(std::uint64_t at, std::uint64_t n) const { return at <= data.size() && n <= data.size() - at; }
    std::uint64_t le(std::uint64_t at, int n) const {
        std::uint64_t v = 0;
        for (int i = n - 1; i >= 0; --i) v = (v << 8) | data[at + std::uint64_t(i)];
        return v;
    }
};

constexpr std::uint32_t kEndOfDirectory = 0x06054b50, kZip64End = 0x06064b50, kZip64Locator = 0x07064b50,
                        kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50, kDataDescriptor = 0x08074b50;

}  // namespace

Status verifyZipChecksums(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("it cannot be read");
    const std::vector<unsigned char> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Bytes b{data};
    const Status missingDirectory = makeError("its table of contents is missing or damaged (the file was cut short or changed)");

    // The end-of-directory record: within the last 64 KiB + 22 bytes (its comment may follow it).
    if (data.size() < 22) return missingDirectory;
    std::uint64_t end = data.size() - 22;
    const std::uint64_t lowest = data.size() > 22 + 65535 ? data.size() - 22 - 65535 : 0;
    while (b.le(end, 4) != kEndOfDirectory) {
        if (end == lowest) return missingDirectory;
        --end;
    }
    std::uint64_t entries = b.le(end + 10, 2), directorySize = b.le(end + 12, 4), directoryAt = b.le(end + 16, 4);
    if (entries == 0xFFFF || directorySize == 0xFFFFFFFF || directoryAt == 0xFFFFFFFF) {
        if (end < 20 || b.le(end - 20, 4) != kZip64Locator) return missingDirectory;
        const std::uint64_t zip64End = b.le(end - 20 + 8, 8);
        if (!b.has(zip64End, 56) || b.le(zip64End, 4) != kZip64End) return missingDirectory;
        entries = b.le(zip64End + 32, 8);
        directorySize = b.le(zip64End + 40, 8);
        directoryAt = b.le(zip64End + 48, 8);
    }
    if (!b.has(directoryAt, directorySize)) return missingDirectory;

    std::uint64_t at = directoryAt;
    for (std::uint64_t e = 0; e < entries; ++e) {
        if (!b.has(at, 46) || b.le(at, 4) != kDirectoryEntry) return missingDirectory;
        const std::uint64_t method = b.le(at + 10, 2), crc = b.le(at + 16, 4);
        std::uint64_t compressed = b.le(at + 20, 4), size = b.le(at + 24, 4), local = b.le(at + 42, 4);
        const std::uint64_t nameLength = b.le(at + 28, 2), extraLength = b.le(at + 30, 2), commentLength = b.le(at + 32, 2);
        if (!b.has(at + 46, nameLength + extraLength + commentLength)) return missingDirectory;
        const std::string name(reinterpret_cast<const char*>(data.data() + at + 46), nameLength);
        // ZIP64: the sizes and offset that do not fit 32 bits follow in the extra field, in order.
        for (std::uint64_t x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
            const std::uint64_t id = b.le(x, 2), length = b.le(x + 2, 2);
            if (id == 0x0001) {
                std::uint64_t field = x + 4;
                for (std::uint64_t* value : {&size, &compressed, &local})
                    if (*value == 0xFFFFFFFF && field + 8 <= x + 4 + length) *value = b.le(field, 8), field += 8;
            }
            x += 4 + length;
        }
        if (!b.has(local, 30) || b.le(local, 4) != kLocalHeader) return makeError("entry '" + name + "' is missing (the file was cut short or changed)");
        const std::uint64_t dataAt = local + 30 + b.le(local + 26, 2) + b.le(local + 28, 2);
        if (!b.has(dataAt, compressed)) return makeError("entry '" + name + "' is cut short");
        // Deflated entries (LibTorch compresses its small code records) are inflated by the
        // reader, which fails on damage; the stored ones (every tensor) are checked here.
        if (method == 0 && (compressed != size || crc32Of(data.data() + dataAt, size) != crc))
            return makeError("entry '" + name + "' fails its checksum (its bytes were changed)");
        // The copy of the checksum after the data (a "data descriptor", when the writer streamed
        // the entry, as LibTorch does): it must agree too.
        if (b.le(local + 6, 2) & 0x8) {
            std::uint64_t descriptor = dataAt + compressed;
            if (b.has(descriptor, 4) && b.le(descriptor, 4) == kDataDescriptor) descriptor += 4;
            if (!b.has(descriptor, 4) || b.le(descriptor, 4) != crc)
                return makeError("entry '" + name + "' has a damaged checksum record (its bytes were changed)");
        }
        at += 46 + nameLength + extraLength + commentLength;
    }
    return Status::success();
}

}  // namespace actionlens::train
