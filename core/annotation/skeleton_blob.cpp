#include "core/annotation/skeleton_blob.h"

#include <cstdint>
#include <cstring>

namespace actionlens::annotation {

namespace {

// Byte by byte so that a project written on one machine reads the same on any other.
void putFloat(std::string& out, float value) {
    std::uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((bits >> shift) & 0xffu));
}

float getFloat(const unsigned char* in) {
    std::uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) bits |= static_cast<std::uint32_t>(in[i]) << (8 * i);
    float value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

}  // namespace

std::string packJoints(const std::vector<Joint>& joints) {
    std::string out;
    out.reserve(joints.size() * kPackedJointBytes);
    for (const Joint& j : joints) {
        putFloat(out, j.x);
        putFloat(out, j.y);
        putFloat(out, j.confidence);
        out.push_back(j.visible ? 1 : 0);
    }
    return out;
}

Result<std::vector<Joint>> unpackJoints(const std::string& blob) {
    if (blob.size() % kPackedJointBytes != 0)
        return makeError("skeleton data of " + std::to_string(blob.size()) + " bytes is not a whole number of " +
                         std::to_string(kPackedJointBytes) + "-byte joints");
    std::vector<Joint> joints(blob.size() / kPackedJointBytes);
    const auto* p = reinterpret_cast<const unsigned char*>(blob.data());
    for (Joint& j : joints) {
        j.x = getFloat(p);
        j.y = getFloat(p + 4);
        j.confidence = getFloat(p + 8);
        j.visible = p[12] != 0;
        p += kPackedJointBytes;
    }
    return joints;
}

}  // namespace actionlens::annotation
