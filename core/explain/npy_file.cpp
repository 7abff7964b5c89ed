#include "core/explain/npy_file.h"

#include "core/train/file_replacement.h"

#include <cstring>
#include <fstream>
#include <sstream>

namespace actionlens::explain {

namespace {

const char kMagic[] = "\x93NUMPY";

bool littleEndian() {
    const std::uint16_t one = 1;
    std::uint8_t first;
    std::memcpy(&first, &one, 1);
    return first == 1;
}

}  // namespace

Status writeNpy(const std::string& path, const std::vector<std::int64_t>& shape, const std::vector<float>& values) {
    std::int64_t count = 1;
    for (std::int64_t s : shape) count *= s;
    if (count != std::int64_t(values.size()))
        return makeError("cannot write '" + path + "': the shape holds " + std::to_string(count) + " values, not " +
                         std::to_string(values.size()));
    if (!littleEndian()) return makeError("cannot write '" + path + "': .npy output needs a little-endian machine");
    // "(a, b, c)"; one dimension is "(a,)", as Python writes a one-element tuple.
    std::string dims;
    for (size_t i = 0; i < shape.size(); ++i) dims += (i ? ", " : "") + std::to_string(shape[i]);
    if (shape.size() == 1) dims += ",";
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
    // Magic (6) + version (2) + length (2) + header + newline: a multiple of 64.
    const size_t total = 10 + header.size() + 1;
    header.append((64 - total % 64) % 64, ' ');
    header += '\n';
    // The file's bytes, then written as a whole through a temporary file beside it.
    std::string bytes(kMagic, 6);
    bytes += std::string{char(1), char(0)};
    const std::uint16_t length = std::uint16_t(header.size());
    bytes.append(reinterpret_cast<const char*>(&length), 2);
    bytes += header;
    bytes.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
    return train::writeTextFileAtomically(path, bytes);
}

Result<std::vector<float>> readNpy(const std::string& path, std::vector<std::int64_t>* shape) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open '" + path + "'");
    char magic[6];
    char version[2];
    std::uint16_t length = 0;
    in.read(magic, 6);
    in.read(version, 2);
    in.read(reinterpret_cast<char*>(&length), 2);
    if (!in || std::memcmp(magic, kMagic, 6) != 0 || version[0] != 1) return makeError("'" + path + "' is not a .npy 1.0 file");
    std::string header(length, '\0');
    in.read(header.data(), length);
    if (header.find("'descr': '<f4'") == std::string::npos) return makeError("'" + path + "' does not hold float32 values");
    const size_t open = header.find("'shape': ("), close = header.find(')', open);
    if (open == std::string::npos || close == std::string::npos) return makeError("'" + path + "' has no shape");
    shape->clear();
    std::stringstream dims(header.substr(open + 10, close - open - 10));
    std::string part;
    std::int64_t count = 1;
    while (std::getline(dims, part, ','))
        if (part.find_first_not_of(' ') != std::string::npos) {
            shape->push_back(std::stoll(part));
            count *= shape->back();
        }
    std::vector<float> values(static_cast<size_t>(count));
    in.read(reinterpret_cast<char*>(values.data()), std::streamsize(values.size() * sizeof(float)));
    if (!in) return makeError("'" + path + "' ends before its " + std::to_string(count) + " values");
    return values;
}

}  // namespace actionlens::explain
