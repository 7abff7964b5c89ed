#pragma once

// FlatbufferView: bounds-checked reading of a FlatBuffers binary (the .tflite container).
// Every offset is checked against the buffer before it is followed, so a truncated or
// garbage file ends in a FlatbufferError naming what could not be read, never a crash.
// Only what a .tflite file needs: tables, scalars, vectors of scalars/tables, strings.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace actionlens::pose::internal {

class FlatbufferError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A position in the buffer known to hold a table (its vtable checked when it was made).
struct FlatTable {
    std::size_t position = 0;
    std::size_t vtable = 0;
    std::uint16_t vtableSize = 0;
};

// A vector's element count and the position of its first element.
struct FlatVector {
    std::size_t first = 0;
    std::uint32_t size = 0;
};

class FlatbufferView {
public:
    FlatbufferView(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::size_t size() const { return size_; }
    const std::uint8_t* data() const { return data_; }

    FlatTable root() const;
    // The 4-byte file identifier after the root offset ("TFL3" for TFLite).
    std::string fileIdentifier() const;

    bool has(const FlatTable& table, int field) const { return fieldOffset(table, field) != 0; }

    template <typename T>
    T scalar(const FlatTable& table, int field, T fallback, const char* what) const {
        const std::uint16_t offset = fieldOffset(table, field);
        if (offset == 0) return fallback;
        return read<T>(table.position + offset, what);
    }

    // Absent fields give nothing: an empty vector, an empty string, no table.
    bool table(const FlatTable& parent, int field, FlatTable* out, const char* what) const;
    FlatVector vector(const FlatTable& table, int field, std::size_t elementSize, const char* what) const;
    std::string string(const FlatTable& table, int field, const char* what) const;
    std::vector<FlatTable> tables(const FlatTable& table, int field, const char* what) const;

    template <typename T>
    std::vector<T> scalars(const FlatTable& table, int field, const char* what) const {
        const FlatVector v = vector(table, field, sizeof(T), what);
        std::vector<T> out(v.size);
        for (std::uint32_t i = 0; i < v.size; ++i) out[i] = read<T>(v.first + i * sizeof(T), what);
        return out;
    }

    template <typename T>
    T read(std::size_t position, const char* what) const {
        check(position, sizeof(T), what);
        T value;
        // Little-endian file on a little-endian host (x86-64, aarch64); memcpy for alignment.
        std::memcpy(&value, data_ + position, sizeof(T));
        return value;
    }

    void check(std::size_t position, std::size_t bytes, const char* what) const;

private:
    FlatTable tableAt(std::size_t position, const char* what) const;
    std::uint16_t fieldOffset(const FlatTable& table, int field) const;
    std::size_t follow(std::size_t position, const char* what) const;  // uoffset at position -> target

    const std::uint8_t* data_;
    std::size_t size_;
};

}  // namespace actionlens::pose::internal
