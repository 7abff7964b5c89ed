#include "core/media/video_encoder.h"

#include "core/media/libav_handles.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <cmath>
#include <cstdio>

namespace actionlens::media {

struct VideoEncoder::Impl {
    std::string path;
    std::string partPath;
    EncoderSettings settings;
    std::string codecName;
    AVFormatContext* format = nullptr;  // output contexts are freed with avformat_free_context
    libav::CodecContextPtr codec;
    libav::FramePtr frame{av_frame_alloc()};
    libav::PacketPtr packet{av_packet_alloc()};
    libav::SwsContextPtr sws;
    AVStream* stream = nullptr;
    int64_t written = 0;
    int64_t lastPts = INT64_MIN;
    bool headerWritten = false;
    bool finished = false;

    ~Impl() {
        if (format) {
            if (format->pb) avio_closep(&format->pb);
            avformat_free_context(format);
        }
        if (!finished && !partPath.empty()) std::remove(partPath.c_str());
    }

    Status drain(bool flushing) {
        int r = avcodec_send_frame(codec.get(), flushing ? nullptr : frame.get());
        if (r < 0) return makeError("'" + path + "': encoding failed: " + libav::errorString(r));
        while (true) {
            r = avcodec_receive_packet(codec.get(), packet.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return Status::success();
            if (r < 0) return makeError("'" + path + "': encoding failed: " + libav::errorString(r));
            av_packet_rescale_ts(packet.get(), codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            r = av_interleaved_write_frame(format, packet.get());
            if (r < 0) return makeError("'" + path + "': cannot write: " + libav::errorString(r));
        }
    }
};

VideoEncoder::VideoEncoder(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
VideoEncoder::~VideoEncoder() = default;

Result<std::unique_ptr<VideoEncoder>> VideoEncoder::open(const std::string& path, const EncoderSettings& s) {
    if (s.width <= 0 || s.height <= 0 || s.width % 2 || s.height % 2) {
        return makeError("video size must be positive and even, got " + std::to_string(s.width) + "x" + std::to_string(s.height));
    }
    if (s.fpsNum <= 0 || s.fpsDen <= 0) return makeError("frame rate must be positive");
    libav::quietenLibav();
    auto d = std::make_unique<Impl>();
    d->path = path;
    d->partPath = path + ".part";
    d->settings = s;
    if (!d->frame || !d->packet) return makeError("out of memory");

    const AVOutputFormat* container = av_guess_format(nullptr, path.c_str(), nullptr);
    if (!container) return makeError("'" + path + "': unknown container (use .mp4, .mkv or .avi)");
    int r = avformat_alloc_output_context2(&d->format, container, nullptr, d->partPath.c_str());
    if (r < 0 || !d->format) return makeError("'" + path + "': " + libav::errorString(r));

    const AVCodec* encoder = nullptr;
    if (s.codec == "h264") {
        encoder = avcodec_find_encoder_by_name("libx264");
        if (!encoder) encoder = avcodec_find_encoder_by_name("libopenh264");
    }
    if (!encoder) encoder = avcodec_find_encoder(AV_CODEC_ID_MPEG4);
    if (!encoder) return makeError("no H.264 or MPEG-4 encoder in this FFmpeg build");
    d->codecName = avcodec_get_name(encoder->id);

    d->codec.reset(avcodec_alloc_context3(encoder));
    AVCodecContext* c = d->codec.get();
    c->width = s.width;
    c->height = s.height;
    c->pix_fmt = AV_PIX_FMT_YUV420P;
    c->framerate = AVRational{s.fpsNum, s.fpsDen};
    // Variable-rate frames are timed in milliseconds; constant-rate ones count frames.
    c->time_base = s.variableFrameRate ? AVRational{1, 1000} : AVRational{s.fpsDen, s.fpsNum};
    c->gop_size = s.gopSize;
    c->max_b_frames = s.maxBFrames;
    c->thread_count = 0;
    if (s.fixedGop) c->keyint_min = s.gopSize;
    if (encoder->id == AV_CODEC_ID_H264 && std::string(encoder->name) == "libx264") {
        av_opt_set(c->priv_data, "preset", s.preset.c_str(), 0);
        av_opt_set_double(c->priv_data, "crf", s.quality, 0);
        if (s.fixedGop) av_opt_set(c->priv_data, "x264-params", "scenecut=0", 0);
    } else {
        c->flags |= AV_CODEC_FLAG_QSCALE;
        c->global_quality = FF_QP2LAMBDA * std::max(1, s.quality / 4);
    }
    if (d->format->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    r = avcodec_open2(c, encoder, nullptr);
    if (r < 0) return makeError("cannot open the " + d->codecName + " encoder: " + libav::errorString(r));

    d->stream = avformat_new_stream(d->format, nullptr);
    if (!d->stream) return makeError("out of memory");
    d->stream->time_base = c->time_base;
    d->stream->avg_frame_rate = c->framerate;
    r = avcodec_parameters_from_context(d->stream->codecpar, c);
    if (r < 0) return makeError(libav::errorString(r));

    r = avio_open(&d->format->pb, d->partPath.c_str(), AVIO_FLAG_WRITE);
    if (r < 0) return makeError("cannot write '" + d->partPath + "': " + libav::errorString(r));
    r = avformat_write_header(d->format, nullptr);
    if (r < 0) return makeError("'" + path + "': cannot write the header: " + libav::errorString(r));
    d->headerWritten = true;

    d->frame->format = c->pix_fmt;
    d->frame->width = c->width;
    d->frame->height = c->height;
    r = av_frame_get_buffer(d->frame.get(), 0);
    if (r < 0) return makeError("out of memory");
    d->sws.reset(sws_getContext(s.width, s.height, AV_PIX_FMT_RGB24, s.width, s.height, AV_PIX_FMT_YUV420P,
                                SWS_BILINEAR, nullptr, nullptr, nullptr));
    if (!d->sws) return makeError("cannot set up colour conversion");
    return std::unique_ptr<VideoEncoder>(new VideoEncoder(std::move(d)));
}

Status VideoEncoder::write(const uint8_t* rgb, int stride, double seconds) {
    if (d_->finished) return makeError("'" + d_->path + "': write after finish");
    int64_t pts = d_->written;
    if (d_->settings.variableFrameRate) {
        if (!(seconds >= 0)) return makeError("variable frame rate video needs a time for every frame");
        pts = std::llround(seconds * 1000.0);
        if (pts <= d_->lastPts) {
            return makeError("frame times must increase by at least 1 ms (frame " + std::to_string(d_->written) + ")");
        }
    }
    int r = av_frame_make_writable(d_->frame.get());
    if (r < 0) return makeError("out of memory");
    const uint8_t* src[4] = {rgb, nullptr, nullptr, nullptr};
    const int srcStride[4] = {stride, 0, 0, 0};
    sws_scale(d_->sws.get(), src, srcStride, 0, d_->settings.height, d_->frame->data, d_->frame->linesize);
    d_->frame->pts = pts;
    d_->lastPts = pts;
    if (Status s = d_->drain(false); !s.ok()) return s;
    ++d_->written;
    return Status::success();
}

Status VideoEncoder::finish() {
    if (d_->finished) return Status::success();
    if (Status s = d_->drain(true); !s.ok()) return s;
    int r = av_write_trailer(d_->format);
    if (r < 0) return makeError("'" + d_->path + "': cannot finish the file: " + libav::errorString(r));
    r = avio_closep(&d_->format->pb);
    if (r < 0) return makeError("'" + d_->path + "': cannot close: " + libav::errorString(r));
    if (std::rename(d_->partPath.c_str(), d_->path.c_str()) != 0) {
        return makeError("cannot move '" + d_->partPath + "' to '" + d_->path + "'");
    }
    d_->finished = true;
    return Status::success();
}

const std::string& VideoEncoder::codecName() const { return d_->codecName; }
int64_t VideoEncoder::framesWritten() const { return d_->written; }

}  // namespace actionlens::media
