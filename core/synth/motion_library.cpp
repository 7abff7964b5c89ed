#include "core/synth/motion_library.h"

#include "core/formats/penn_action_labels.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

// The library's resource lives in a static library, so it must be registered explicitly before
// the first look-up; Q_INIT_RESOURCE must be called outside any namespace.
static void initMotionResources() { Q_INIT_RESOURCE(motion_library); }

namespace actionlens::synth {

const char* const kPennActionCitation =
    "Penn Action Dataset (training split), for research use. W. Zhang, M. Zhu, K. G. Derpanis: "
    "From Actemes to Action: A Strongly-supervised Representation for Detailed Action Understanding. "
    "ICCV 2013.";

namespace {

constexpr char kMagic[8] = {'A', 'L', 'M', 'O', 'T', 'L', 'I', 'B'};

std::uint32_t fnv1a(const char* data, size_t size) {
    std::uint32_t hash = 2166136261u;
    for (size_t i = 0; i < size; ++i) {
        hash ^= static_cast<std::uint8_t>(data[i]);
        hash *= 16777619u;
    }
    return hash;
}

void putU8(std::string& out, unsigned v) { out.push_back(static_cast<char>(v & 0xffu)); }
void putU16(std::string& out, unsigned v) { putU8(out, v); putU8(out, v >> 8); }
void putU32(std::string& out, std::uint32_t v) { putU16(out, v & 0xffffu); putU16(out, v >> 16); }
void putF32(std::string& out, float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    putU32(out, bits);
}
void putText(std::string& out, const std::string& text) {
    putU16(out, static_cast<unsigned>(text.size()));
    out += text;
}

std::string jointOrderText() {
    std::string text;
    for (const char* joint : formats::kPennJointNames) text += (text.empty() ? "" : ",") + std::string(joint);
    return text;
}

template <typename Array>
int indexOf(const Array& names, const std::string& name) {
    for (size_t i = 0; i < names.size(); ++i) {
        if (name == names[i]) return static_cast<int>(i);
    }
    return -1;
}

std::string fileName(int number) {
    char name[16];
    std::snprintf(name, sizeof name, "%04d", number);
    return name;
}

// Bounds-checked little-endian reading; the first failure is kept.
struct Reader {
    const std::string& bytes;
    size_t at = 0;
    bool ok = true;

    bool has(size_t n) {
        ok = ok && bytes.size() - at >= n;
        return ok;
    }
    unsigned u8() { return has(1) ? static_cast<std::uint8_t>(bytes[at++]) : 0u; }
    unsigned u16() { const unsigned lo = u8(); return lo | (u8() << 8); }
    std::uint32_t u32() { const std::uint32_t lo = u16(); return lo | (static_cast<std::uint32_t>(u16()) << 16); }
    float f32() {
        const std::uint32_t bits = u32();
        float v = 0.0f;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }
    std::string text() {
        const unsigned n = u16();
        if (!has(n)) return {};
        std::string s = bytes.substr(at, n);
        at += n;
        return s;
    }
};

}  // namespace

Result<std::string> encodeMotionLibrary(const std::vector<MotionClip>& clips) {
    std::string out(kMagic, sizeof kMagic);
    putU16(out, kMotionLibraryVersion);
    putU16(out, kJointCount);
    putU32(out, static_cast<std::uint32_t>(clips.size()));
    putText(out, jointOrderText());
    putText(out, kPennActionCitation);
    for (const MotionClip& clip : clips) {
        const int action = indexOf(formats::kPennActions, clip.action);
        const int viewpoint = indexOf(formats::kPennViewpoints, clip.viewpoint);
        char* end = nullptr;
        const long number = std::strtol(clip.name.c_str(), &end, 10);
        if (clip.name.empty() || *end != '\0' || number < 0 || number > 65535) {
            return makeError("motion '" + clip.name + "': the name must be the label file's number (0002)");
        }
        if (action < 0 || viewpoint < 0) return makeError("motion '" + clip.name + "': not a Penn Action action and viewpoint");
        if (clip.fps != kPennFps) return makeError("motion '" + clip.name + "': must be at the source's 30 fps");
        if (clip.frames.empty() || clip.frames.size() > 65535) return makeError("motion '" + clip.name + "': 1-65535 frames expected");
        unsigned visibleBits = 0;
        float left = INFINITY, top = INFINITY, right = -INFINITY, bottom = -INFINITY;
        for (int j = 0; j < kJointCount; ++j) {
            if (!clip.everVisible[static_cast<size_t>(j)]) continue;
            visibleBits |= 1u << j;
            for (const Pose& pose : clip.frames) {
                left = std::min(left, pose[j].x);
                right = std::max(right, pose[j].x);
                top = std::min(top, pose[j].y);
                bottom = std::max(bottom, pose[j].y);
            }
        }
        if (visibleBits == 0) return makeError("motion '" + clip.name + "': no joint is ever visible");
        const float width = right > left ? right - left : 1.0f;
        const float height = bottom > top ? bottom - top : 1.0f;
        putU16(out, static_cast<unsigned>(number));
        putU8(out, static_cast<unsigned>(action));
        putU8(out, static_cast<unsigned>(viewpoint));
        putU16(out, static_cast<unsigned>(clip.frames.size()));
        putU16(out, visibleBits);
        for (float v : {left, top, width, height}) putF32(out, v);
        const auto quantise = [](float v, float origin, float size) {
            const long q = std::lround(65535.0 * (static_cast<double>(v) - origin) / size) - 32768;
            return static_cast<unsigned>(static_cast<std::uint16_t>(static_cast<std::int16_t>(std::clamp(q, -32768L, 32767L))));
        };
        for (const Pose& pose : clip.frames) {
            for (int j = 0; j < kJointCount; ++j) {
                // Joints never visible hold placeholders; they are stored as the box's corner.
                const bool used = clip.everVisible[static_cast<size_t>(j)];
                putU16(out, used ? quantise(pose[j].x, left, width) : 0x8000u);
                putU16(out, used ? quantise(pose[j].y, top, height) : 0x8000u);
            }
        }
    }
    putU32(out, fnv1a(out.data(), out.size()));
    return out;
}

Result<MotionLibrary> decodeMotionLibrary(const std::string& bytes, const std::string& origin) {
    const std::string damaged = origin + " is not a usable motion library: ";
    if (bytes.size() < sizeof kMagic + 4 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
        return makeError(damaged + "it does not start with ALMOTLIB");
    }
    Reader in{bytes};
    in.at = sizeof kMagic;
    MotionLibrary library;
    library.version = static_cast<int>(in.u16());
    if (library.version != kMotionLibraryVersion) {
        return makeError(damaged + "version " + std::to_string(library.version) + ", this program reads version " +
                         std::to_string(kMotionLibraryVersion));
    }
    const unsigned joints = in.u16();
    const std::uint32_t count = in.u32();
    library.jointOrder = in.text();
    library.notice = in.text();
    if (!in.ok) return makeError(damaged + "it ends inside the header");
    if (joints != kJointCount || library.jointOrder != jointOrderText()) {
        return makeError(damaged + "its joints are not the 13 Penn Action joints in their order");
    }
    if (bytes.size() < 4 || fnv1a(bytes.data(), bytes.size() - 4) != Reader{bytes, bytes.size() - 4}.u32()) {
        return makeError(damaged + "it is damaged (its hash does not match its contents; truncated or altered)");
    }
    const std::string body = bytes.substr(0, bytes.size() - 4);
    Reader seq{body, in.at};
    for (std::uint32_t s = 0; s < count; ++s) {
        const std::string where = damaged + "sequence " + std::to_string(s + 1) + " of " + std::to_string(count);
        MotionClip clip;
        clip.name = fileName(static_cast<int>(seq.u16()));
        const unsigned action = seq.u8();
        const unsigned viewpoint = seq.u8();
        const unsigned frames = seq.u16();
        const unsigned visibleBits = seq.u16();
        const float box[4] = {seq.f32(), seq.f32(), seq.f32(), seq.f32()};
        if (!seq.ok || !seq.has(static_cast<size_t>(frames) * kJointCount * 4)) return makeError(where + " ends early");
        if (action >= formats::kPennActions.size() || viewpoint >= formats::kPennViewpoints.size() || frames == 0 ||
            visibleBits == 0 || visibleBits >= (1u << kJointCount) || !std::isfinite(box[0]) || !std::isfinite(box[1]) ||
            !(box[2] > 0.0f) || !(box[3] > 0.0f) || !std::isfinite(box[2]) || !std::isfinite(box[3])) {
            return makeError(where + " has an invalid action, viewpoint, frame count or box");
        }
        clip.action = formats::kPennActions[action];
        clip.viewpoint = formats::kPennViewpoints[viewpoint];
        clip.fps = kPennFps;
        for (int j = 0; j < kJointCount; ++j) clip.everVisible[static_cast<size_t>(j)] = (visibleBits >> j) & 1u;
        clip.frames.resize(frames);
        const auto value = [](unsigned raw, float origin, float size) {
            const int q = static_cast<std::int16_t>(static_cast<std::uint16_t>(raw));
            return static_cast<float>(origin + (q + 32768) / 65535.0 * size);
        };
        for (Pose& pose : clip.frames) {
            for (int j = 0; j < kJointCount; ++j) {
                pose[j].x = value(seq.u16(), box[0], box[2]);
                pose[j].y = value(seq.u16(), box[1], box[3]);
            }
        }
        library.clips.push_back(std::move(clip));
    }
    if (seq.at != body.size()) return makeError(damaged + std::to_string(body.size() - seq.at) + " bytes after the last sequence");
    return library;
}

Result<MotionLibrary> readMotionLibraryFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return makeError("cannot open '" + path + "'");
    const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    return decodeMotionLibrary(bytes, "'" + path + "'");
}

Result<MotionLibrary> builtInMotionLibrary() {
    initMotionResources();
    QFile file(QStringLiteral(":/motion/penn_action_motions.bin"));
    if (!file.open(QIODevice::ReadOnly)) return makeError("the built-in motion library is missing from this program");
    const QByteArray bytes = file.readAll();
    return decodeMotionLibrary(std::string(bytes.constData(), static_cast<size_t>(bytes.size())), "the built-in motion library");
}

Result<std::vector<MotionClip>> builtInMotions(double fps) {
    auto library = builtInMotionLibrary();
    if (!library.ok()) return library.takeError();
    std::vector<MotionClip> clips;
    clips.reserve(library->clips.size());
    for (const MotionClip& source : library->clips) {
        auto clip = resampleMotion(source, fps);
        if (!clip.ok()) return clip.takeError();
        clips.push_back(std::move(clip).value());
    }
    return clips;
}

}  // namespace actionlens::synth
