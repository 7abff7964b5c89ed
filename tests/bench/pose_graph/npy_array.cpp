#include "tests/bench/pose_graph/npy_array.h"

#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

namespace actionlens::bench {

std::int64_t NpyArray::count() const {
    std::int64_t n = 1;
    for (std::int64_t d : shape) n *= d;
    return n;
}

std::vector<float> NpyArray::floats() const {
    std::vector<float> values(data.size() / sizeof(float));
    std::memcpy(values.data(), data.data(), values.size() * sizeof(float));
    return values;
}

Result<NpyArray> readNpy(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0) return makeError("'" + path + "' is not an .npy file");
    const bool version1 = bytes[6] == 1;
    size_t headerLength = 0;
    if (version1) {
        headerLength = size_t(static_cast<unsigned char>(bytes[8])) | (size_t(static_cast<unsigned char>(bytes[9])) << 8);
    } else {
        std::uint32_t n = 0;
        std::memcpy(&n, bytes.data() + 8, 4);
        headerLength = n;
    }
    const size_t headerStart = version1 ? 10 : 12;
    if (headerStart + headerLength > bytes.size()) return makeError("'" + path + "': truncated header");
    const std::string header(bytes.data() + headerStart, headerLength);
    if (header.find("'fortran_order': False") == std::string::npos) return makeError("'" + path + "' is not in C order");
    NpyArray a;
    for (const char* type : {"<f4", "|u1"})
        if (header.find(std::string("'descr': '") + type + "'") != std::string::npos) a.type = type;
    if (a.type.empty()) return makeError("'" + path + "' is neither float32 nor uint8: " + header);
    const size_t open = header.find('(', header.find("'shape'")), close = header.find(')', open);
    std::stringstream dims(header.substr(open + 1, close - open - 1));
    std::string dim;
    while (std::getline(dims, dim, ','))
        if (dim.find_first_not_of(' ') != std::string::npos) a.shape.push_back(std::stoll(dim));
    const size_t element = a.type == "<f4" ? sizeof(float) : 1;
    const size_t dataStart = headerStart + headerLength;
    if (bytes.size() - dataStart != size_t(a.count()) * element)
        return makeError("'" + path + "' holds " + std::to_string(bytes.size() - dataStart) + " bytes of data, its shape needs " +
                         std::to_string(size_t(a.count()) * element));
    a.data.assign(bytes.begin() + long(dataStart), bytes.end());
    return a;
}

}  // namespace actionlens::bench
