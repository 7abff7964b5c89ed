#include "tests/core/pose/pose_reference.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>

namespace actionlens::pose::testing {

const QJsonObject& reference() {
    static const QJsonObject root = [] {
        QFile file(QString::fromStdString(poseDataDir() + "/reference.json"));
        if (!file.open(QIODevice::ReadOnly)) return QJsonObject();
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    return root;
}

std::vector<float> floats(const QJsonValue& value) {
    std::vector<float> out;
    if (value.isDouble()) {
        out.push_back(static_cast<float>(value.toDouble()));
        return out;
    }
    for (const QJsonValue& v : value.toArray()) {
        if (v.isArray()) {
            for (const QJsonValue& w : v.toArray()) out.push_back(static_cast<float>(w.toDouble()));
        } else {
            out.push_back(static_cast<float>(v.toDouble()));
        }
    }
    return out;
}

NpyArray readFloatNpy(const std::string& path) {
    NpyArray a;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_GT(bytes.size(), 10u) << path;
    if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0) {
        ADD_FAILURE() << path << " is not an .npy file";
        return a;
    }
    const int major = bytes[6];
    std::size_t headerLength = 0, headerStart = 0;
    if (major == 1) {
        headerLength = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
        headerStart = 10;
    } else {
        std::uint32_t n = 0;
        std::memcpy(&n, bytes.data() + 8, 4);
        headerLength = n;
        headerStart = 12;
    }
    const std::string header(bytes.data() + headerStart, headerLength);
    EXPECT_NE(header.find("'descr': '<f4'"), std::string::npos) << header;
    EXPECT_NE(header.find("'fortran_order': False"), std::string::npos) << header;
    const auto open = header.find('(', header.find("'shape'"));
    const auto close = header.find(')', open);
    std::string dims = header.substr(open + 1, close - open - 1);
    std::int64_t count = 1;
    for (std::size_t pos = 0; pos < dims.size();) {
        const auto comma = dims.find(',', pos);
        const std::string item = dims.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
        if (item.find_first_of("0123456789") != std::string::npos) {
            a.shape.push_back(std::stoll(item));
            count *= a.shape.back();
        }
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    const std::size_t dataStart = headerStart + headerLength;
    EXPECT_EQ(bytes.size() - dataStart, static_cast<std::size_t>(count) * 4) << path;
    a.values.resize(count);
    std::memcpy(a.values.data(), bytes.data() + dataStart, std::min<std::size_t>(bytes.size() - dataStart, count * 4));
    return a;
}

std::vector<float> cropAsLandmarkInput(const std::string& pngPath) {
    cv::Mat bgr = cv::imread(pngPath, cv::IMREAD_COLOR);
    EXPECT_FALSE(bgr.empty()) << pngPath;
    if (bgr.empty()) return {};
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    std::vector<float> out(static_cast<std::size_t>(rgb.total()) * 3);
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = rgb.data[i] / 255.0f;
    return out;
}

RgbImage readRgb(const std::string& path) {
    RgbImage image;
    cv::Mat bgr = cv::imread(path, cv::IMREAD_COLOR);
    EXPECT_FALSE(bgr.empty()) << path;
    if (bgr.empty()) return image;
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    image.width = rgb.cols;
    image.height = rgb.rows;
    image.pixels.assign(rgb.data, rgb.data + rgb.total() * 3);
    return image;
}

RgbImage sideBySide(const RgbImage& left, const RgbImage& right) {
    RgbImage out;
    out.width = left.width + right.width;
    out.height = std::max(left.height, right.height);
    out.pixels.assign(static_cast<std::size_t>(out.width) * out.height * 3, 128);
    for (int y = 0; y < out.height; ++y) {
        if (y < left.height)
            std::copy_n(left.pixels.begin() + static_cast<std::ptrdiff_t>(y) * left.width * 3, left.width * 3,
                        out.pixels.begin() + static_cast<std::ptrdiff_t>(y) * out.width * 3);
        if (y < right.height)
            std::copy_n(right.pixels.begin() + static_cast<std::ptrdiff_t>(y) * right.width * 3, right.width * 3,
                        out.pixels.begin() + (static_cast<std::ptrdiff_t>(y) * out.width + left.width) * 3);
    }
    return out;
}

RgbImage shifted(const RgbImage& image, int offset, int extraWidth) {
    RgbImage frame;
    frame.width = image.width + extraWidth;
    frame.height = image.height;
    frame.pixels.assign(static_cast<std::size_t>(frame.width) * frame.height * 3, 128);
    for (int y = 0; y < image.height; ++y) {
        std::copy_n(image.pixels.begin() + static_cast<std::ptrdiff_t>(y) * image.width * 3, image.width * 3,
                    frame.pixels.begin() + (static_cast<std::ptrdiff_t>(y) * frame.width + offset) * 3);
    }
    return frame;
}

bool modelsInstalled(LandmarkModel model, std::string* why) {
    const Status status = checkPoseModelsInstalled(poseModelDirectory(), model);
    if (!status.ok()) *why = status.error();
    return status.ok();
}

}  // namespace actionlens::pose::testing
