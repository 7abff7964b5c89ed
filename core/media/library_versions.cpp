#include "core/media/library_versions.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libswscale/swscale.h>
}

#include <opencv2/core/version.hpp>

namespace actionlens::media {

namespace {
std::string versionString(const char* name, unsigned version) {
    return std::string(name) + " " + std::to_string(version >> 16) + "." + std::to_string((version >> 8) & 0xFF) + "." +
           std::to_string(version & 0xFF);
}
}  // namespace

std::string mediaLibraryVersions() {
    return versionString("libavformat", avformat_version()) + ", " + versionString("libavcodec", avcodec_version()) +
           ", " + versionString("libswscale", swscale_version()) + ", OpenCV " CV_VERSION;
}

}  // namespace actionlens::media
