#pragma once

// Owning handles for FFmpeg objects and error-string helpers. Private to core/media's .cpp
// files: no public header of core/media includes FFmpeg.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/error.h>
#include <libswscale/swscale.h>
}

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace actionlens::media::libav {

struct FormatContextCloser {
    void operator()(AVFormatContext* ctx) const { avformat_close_input(&ctx); }
};
struct CodecContextFreer {
    void operator()(AVCodecContext* ctx) const { avcodec_free_context(&ctx); }
};
struct FrameFreer {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct SwsFreer {
    void operator()(SwsContext* ctx) const { sws_freeContext(ctx); }
};

using FormatContextPtr = std::unique_ptr<AVFormatContext, FormatContextCloser>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using SwsContextPtr = std::unique_ptr<SwsContext, SwsFreer>;

// FFmpeg reports damaged streams and encoder settings on stderr at length; our callers get one
// clear message instead. ACTIONLENS_LIBAV_LOG=1 brings FFmpeg's own log back for debugging.
inline void quietenLibav() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (!std::getenv("ACTIONLENS_LIBAV_LOG")) av_log_set_level(AV_LOG_FATAL);
    });
}

inline std::string errorString(int code) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {0};
    av_strerror(code, buffer, sizeof(buffer));
    return buffer;
}

}  // namespace actionlens::media::libav
