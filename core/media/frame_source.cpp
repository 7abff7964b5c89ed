#include "core/media/frame_source.h"

#include "core/media/image_sequence_source.h"
#include "core/media/video_file_source.h"

#include <filesystem>
#include <system_error>

namespace actionlens::media {

Error frameOutOfRange(int frame, int frameCount) {
    return makeError("frame " + std::to_string(frame) + " is out of range (the video has " + std::to_string(frameCount) +
                     " frames: 0-" + std::to_string(frameCount - 1) + ")");
}

Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& path, const OpenOptions& options) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        return makeError("'" + path + "' does not exist");
    }
    if (std::filesystem::is_directory(status)) {
        auto source = ImageSequenceSource::open(path, options);
        if (!source.ok()) return source.takeError();
        return std::unique_ptr<FrameSource>(std::move(source).value());
    }
    auto source = VideoFileSource::open(path, options);
    if (!source.ok()) return source.takeError();
    return std::unique_ptr<FrameSource>(std::move(source).value());
}

}  // namespace actionlens::media
