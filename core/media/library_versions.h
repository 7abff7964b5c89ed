#pragma once

#include <string>

namespace actionlens::media {

// "libavformat 59.27.100, libavcodec 59.37.100, libswscale 6.7.100, OpenCV 4.6.0": the
// versions this build runs with, for --version output and bug reports.
std::string mediaLibraryVersions();

}  // namespace actionlens::media
