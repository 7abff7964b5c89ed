#include "core/formats/ntu_skeleton_file.h"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>

namespace actionlens::formats {

namespace {

// The file's lines, each split at white space, read one after another with their numbers.
class LineReader {
public:
    LineReader(const std::string& text, std::string fileName) : fileName_(std::move(fileName)) {
        std::istringstream stream(text);
        std::string line;
        while (std::getline(stream, line)) lines_.push_back(line);
    }

    std::string where() const { return fileName_ + " line " + std::to_string(next_); }

    // The next line's words; `expected` says what was due, for the message when it has other
    // than `count` words or the file has ended.
    Result<std::vector<std::string>> words(size_t count, const std::string& expected) {
        if (next_ >= lines_.size()) {
            ++next_;
            return makeError(fileName_ + " line " + std::to_string(next_) + ": the file ends where " + expected + " was due");
        }
        std::istringstream line(lines_[next_++]);
        std::vector<std::string> result;
        for (std::string word; line >> word;) result.push_back(word);
        if (result.size() != count)
            return makeError(where() + ": " + std::to_string(result.size()) + " values, expected " + std::to_string(count) + " (" + expected + ")");
        return result;
    }

    // Whether only blank lines are left.
    bool atEnd() const {
        for (size_t i = next_; i < lines_.size(); ++i)
            if (lines_[i].find_first_not_of(" \t\r") != std::string::npos) return false;
        return true;
    }

private:
    std::string fileName_;
    std::vector<std::string> lines_;
    size_t next_ = 0;  // also the 1-based number of the line read last
};

std::optional<double> number(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<std::int64_t> count(const std::string& text) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::atoll(text.c_str());
}

Result<std::int64_t> countLine(LineReader& reader, const std::string& what) {
    auto words = reader.words(1, what);
    if (!words) return words.takeError();
    auto value = count(words->front());
    if (!value) return makeError(reader.where() + ": " + what + " '" + words->front() + "' is not a whole number from 0");
    return *value;
}

constexpr const char* kBodyFields[] = {"bodyID", "clipedEdges", "handLeftConfidence", "handLeftState", "handRightConfidence",
                                       "handRightState", "isRestricted", "leanX", "leanY", "trackingState"};
constexpr const char* kJointFields[] = {"x", "y", "z", "depthX", "depthY", "colorX", "colorY", "orientationW", "orientationX",
                                        "orientationY", "orientationZ", "trackingState"};

Result<NtuBody> readBody(LineReader& reader) {
    auto info = reader.words(10, "a body: bodyID ... trackingState");
    if (!info) return info.takeError();
    NtuBody body;
    body.bodyId = info->front();
    if (body.bodyId.empty() || body.bodyId.find_first_not_of("0123456789") != std::string::npos)
        return makeError(reader.where() + ": bodyID '" + body.bodyId + "' is not a whole number");
    for (size_t i = 1; i < info->size(); ++i)
        if (!number((*info)[i])) return makeError(reader.where() + ": " + kBodyFields[i] + " '" + (*info)[i] + "' is not a number");
    auto joints = countLine(reader, "the joint count");
    if (!joints) return joints.takeError();
    if (*joints != kNtuJointCount)
        return makeError(reader.where() + ": the body has " + std::to_string(*joints) + " joints, expected " + std::to_string(kNtuJointCount));
    for (int j = 0; j < kNtuJointCount; ++j) {
        auto values = reader.words(12, "a joint: x y z depthX depthY colorX colorY orientationWXYZ trackingState");
        if (!values) return values.takeError();
        double parsed[12] = {};
        for (size_t i = 0; i < 12; ++i) {
            auto value = number((*values)[i]);
            if (!value) return makeError(reader.where() + ": " + kJointFields[i] + " '" + (*values)[i] + "' is not a number");
            parsed[i] = *value;
        }
        if (parsed[11] != 0 && parsed[11] != 1 && parsed[11] != 2)
            return makeError(reader.where() + ": trackingState '" + (*values)[11] + "' is not 0, 1 or 2");
        body.joints.push_back(NtuJoint{parsed[5], parsed[6], static_cast<int>(parsed[11])});
    }
    return body;
}

}  // namespace

Result<NtuSkeletonFile> parseNtuSkeletonFile(const std::string& text, const std::string& fileName) {
    LineReader reader(text, fileName);
    NtuSkeletonFile file;
    auto frames = countLine(reader, "the frame count");
    if (!frames) return frames.takeError();
    file.frameCount = *frames;
    for (std::int64_t f = 0; f < file.frameCount; ++f) {
        auto bodies = countLine(reader, "the body count of frame " + std::to_string(f + 1));
        if (!bodies) return bodies.takeError();
        std::vector<NtuBody> frame;
        for (std::int64_t b = 0; b < *bodies; ++b) {
            auto body = readBody(reader);
            if (!body) return body.takeError();
            frame.push_back(std::move(body).value());
        }
        file.frames.push_back(std::move(frame));
    }
    if (!reader.atEnd())
        return makeError(fileName + ": more lines follow the " + std::to_string(file.frameCount) + " frames the first line announces");
    return file;
}

}  // namespace actionlens::formats
