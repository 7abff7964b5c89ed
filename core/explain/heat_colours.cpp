#include "core/explain/heat_colours.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <mutex>

namespace actionlens::explain {

const char* heatColoursName(HeatColours colours) {
    switch (colours) {
    case HeatColours::Viridis: return "viridis";
    case HeatColours::Inferno: return "inferno";
    case HeatColours::Cividis: return "cividis";
    }
    return "viridis";
}

bool heatColoursFromName(const std::string& name, HeatColours* colours) {
    for (HeatColours c : allHeatColours())
        if (name == heatColoursName(c)) {
            *colours = c;
            return true;
        }
    return false;
}

std::vector<HeatColours> allHeatColours() { return {HeatColours::Viridis, HeatColours::Inferno, HeatColours::Cividis}; }

namespace {

// OpenCV's own tables (matplotlib's scales), read once through a ramp.
std::array<Rgb, 256> tableOf(int openCvMap) {
    cv::Mat ramp(1, 256, CV_8UC1);
    for (int i = 0; i < 256; ++i) ramp.at<std::uint8_t>(0, i) = std::uint8_t(i);
    cv::Mat coloured;
    cv::applyColorMap(ramp, coloured, openCvMap);
    std::array<Rgb, 256> out{};
    for (int i = 0; i < 256; ++i) {
        const cv::Vec3b bgr = coloured.at<cv::Vec3b>(0, i);
        out[size_t(i)] = Rgb{bgr[2], bgr[1], bgr[0]};
    }
    return out;
}

}  // namespace

const std::array<Rgb, 256>& heatColourTable(HeatColours colours) {
    static std::once_flag once;
    static std::array<std::array<Rgb, 256>, 3> tables;
    std::call_once(once, [] {
        tables[0] = tableOf(cv::COLORMAP_VIRIDIS);
        tables[1] = tableOf(cv::COLORMAP_INFERNO);
        tables[2] = tableOf(cv::COLORMAP_CIVIDIS);
    });
    return tables[size_t(colours)];
}

Rgb heatColour(HeatColours colours, float value) {
    const int i = std::clamp(int(value * 255.0f + 0.5f), 0, 255);
    return heatColourTable(colours)[size_t(i)];
}

}  // namespace actionlens::explain
