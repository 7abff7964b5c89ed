#include "core/pose/internal/flatbuffer_view.h"

namespace actionlens::pose::internal {

namespace {

std::string at(std::size_t position) { return " at byte " + std::to_string(position); }

}  // namespace

void FlatbufferView::check(std::size_t position, std::size_t bytes, const char* what) const {
    if (position > size_ || bytes > size_ - position) {
        throw FlatbufferError(std::string(what) + ": " + std::to_string(bytes) + " bytes" + at(position) +
                              " lie past the end of the file (" + std::to_string(size_) + " bytes)");
    }
}

std::size_t FlatbufferView::follow(std::size_t position, const char* what) const {
    const std::uint32_t offset = read<std::uint32_t>(position, what);
    const std::size_t target = position + offset;
    if (offset == 0 || target >= size_) {
        throw FlatbufferError(std::string(what) + ": offset " + std::to_string(offset) + at(position) + " points outside the file");
    }
    return target;
}

FlatTable FlatbufferView::tableAt(std::size_t position, const char* what) const {
    const std::int32_t back = read<std::int32_t>(position, what);
    const std::int64_t vtable = static_cast<std::int64_t>(position) - back;
    if (vtable < 0 || static_cast<std::uint64_t>(vtable) + 4 > size_) {
        throw FlatbufferError(std::string(what) + ": table" + at(position) + " has its field list outside the file");
    }
    FlatTable table;
    table.position = position;
    table.vtable = static_cast<std::size_t>(vtable);
    table.vtableSize = read<std::uint16_t>(table.vtable, what);
    const std::uint16_t objectSize = read<std::uint16_t>(table.vtable + 2, what);
    if (table.vtableSize < 4 || table.vtableSize % 2 != 0) {
        throw FlatbufferError(std::string(what) + ": table" + at(position) + " has a malformed field list");
    }
    check(table.vtable, table.vtableSize, what);
    check(position, objectSize, what);
    return table;
}

FlatTable FlatbufferView::root() const {
    if (size_ < 8) throw FlatbufferError("file of " + std::to_string(size_) + " bytes is too small to be a FlatBuffer");
    return tableAt(follow(0, "root table"), "root table");
}

std::string FlatbufferView::fileIdentifier() const {
    check(4, 4, "file identifier");
    return std::string(reinterpret_cast<const char*>(data_ + 4), 4);
}

std::uint16_t FlatbufferView::fieldOffset(const FlatTable& table, int field) const {
    const std::size_t entry = 4 + 2 * static_cast<std::size_t>(field);
    if (entry + 2 > table.vtableSize) return 0;
    const std::uint16_t offset = read<std::uint16_t>(table.vtable + entry, "field offset");
    return offset;
}

bool FlatbufferView::table(const FlatTable& parent, int field, FlatTable* out, const char* what) const {
    const std::uint16_t offset = fieldOffset(parent, field);
    if (offset == 0) return false;
    *out = tableAt(follow(parent.position + offset, what), what);
    return true;
}

FlatVector FlatbufferView::vector(const FlatTable& table, int field, std::size_t elementSize, const char* what) const {
    const std::uint16_t offset = fieldOffset(table, field);
    if (offset == 0) return {};
    const std::size_t start = follow(table.position + offset, what);
    FlatVector v;
    v.size = read<std::uint32_t>(start, what);
    v.first = start + 4;
    check(v.first, static_cast<std::size_t>(v.size) * elementSize, what);
    return v;
}

std::string FlatbufferView::string(const FlatTable& table, int field, const char* what) const {
    const FlatVector v = vector(table, field, 1, what);
    return std::string(reinterpret_cast<const char*>(data_ + v.first), v.size);
}

std::vector<FlatTable> FlatbufferView::tables(const FlatTable& table, int field, const char* what) const {
    const FlatVector v = vector(table, field, 4, what);
    std::vector<FlatTable> out;
    out.reserve(v.size);
    for (std::uint32_t i = 0; i < v.size; ++i) out.push_back(tableAt(follow(v.first + 4 * i, what), what));
    return out;
}

}  // namespace actionlens::pose::internal
