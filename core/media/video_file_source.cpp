#include "core/media/video_file_source.h"

#include "core/media/frame_buffer_pool.h"
#include "core/media/frame_index_cache.h"
#include "core/media/libav_handles.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cstdlib>

namespace actionlens::media {

namespace {

int swsColorspace(AVColorSpace space) {
    switch (space) {
    case AVCOL_SPC_BT709: return SWS_CS_ITU709;
    case AVCOL_SPC_FCC: return SWS_CS_FCC;
    case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020;
    default: return SWS_CS_ITU601;
    }
}

constexpr int kMaxSeekAttempts = 4;

}  // namespace

struct VideoFileSource::Impl {
    std::string path;
    OpenOptions options;
    libav::FormatContextPtr format;
    libav::CodecContextPtr codec;
    libav::PacketPtr packet{av_packet_alloc()};
    libav::FramePtr decoded{av_frame_alloc()};
    libav::SwsContextPtr sws;
    AVStream* stream = nullptr;
    int streamIndex = -1;
    FrameIndex index;
    VideoInfo info;
    DecodeStatistics stats;
    bool indexFromCache = false;
    std::shared_ptr<FrameBufferPool> buffers = FrameBufferPool::create();

    // Decoder position: valid after a seek until the decoder is drained.
    bool positioned = false;
    bool demuxerAtEnd = false;
    int seekKeyframe = 0;  // frames before it are leftovers that may reference the previous GOP
    int lastOutput = -1;   // display index of the decoder's latest picture since the seek

    Result<FrameIndex> scanPackets();
    Result<FrameIndex> indexByDecoding(const std::vector<FrameIndexEntry>& packets);
    Status seekTo(int keyframe);
    Result<FramePtr> convert(const AVFrame* frame, int displayIndex);
    Result<FramePtr> decodeUntil(int target, const PassedFrameSink* passed, bool& missed);
};

Result<FrameIndex> VideoFileSource::Impl::scanPackets() {
    std::vector<FrameIndexEntry> entries;
    entries.reserve(stream->nb_frames > 0 ? static_cast<size_t>(stream->nb_frames) : 1024);
    int64_t withoutTimestamp = 0;
    int64_t withoutPts = 0;
    while (true) {
        const int r = av_read_frame(format.get(), packet.get());
        if (r < 0) break;  // end of file, or a damaged tail: index what could be read
        if (packet->stream_index == streamIndex && !(packet->flags & AV_PKT_FLAG_DISCARD)) {
            FrameIndexEntry e;
            const bool hasPts = packet->pts != AV_NOPTS_VALUE;
            const bool hasDts = packet->dts != AV_NOPTS_VALUE;
            if (!hasPts && !hasDts) {
                ++withoutTimestamp;
            } else {
                if (!hasPts) ++withoutPts;
                e.pts = hasPts ? packet->pts : packet->dts;
                e.dts = hasDts ? packet->dts : packet->pts;
                e.bytePos = packet->pos;
                e.keyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
                entries.push_back(e);
            }
        }
        av_packet_unref(packet.get());
    }
    if (withoutTimestamp > 0) {
        return makeError("'" + path + "': " + std::to_string(withoutTimestamp) +
                         " video packets carry no timestamps (a raw elementary stream?); "
                         "remux it into MP4 or MKV for exact frame access");
    }
    if (entries.empty()) return makeError("'" + path + "' contains no video frames");
    if (std::none_of(entries.begin(), entries.end(), [](const FrameIndexEntry& e) { return e.keyframe; })) {
        entries.front().keyframe = true;  // some muxers flag nothing; the first packet must start decoding
    }
    if (withoutPts > 0) return indexByDecoding(entries);
    return FrameIndex(std::move(entries), TimeBase{stream->time_base.num, stream->time_base.den});
}

// Packets without presentation timestamps (AVI with B-frames): only the decoder knows the
// display order, so decode the stream once and note which packet each picture came from.
Result<FrameIndex> VideoFileSource::Impl::indexByDecoding(const std::vector<FrameIndexEntry>& packets) {
    std::vector<FrameIndexEntry> byDts = packets;
    std::sort(byDts.begin(), byDts.end(), [](const FrameIndexEntry& a, const FrameIndexEntry& b) { return a.dts < b.dts; });
    for (size_t i = 1; i < byDts.size(); ++i) {
        if (byDts[i].dts == byDts[i - 1].dts) {
            return makeError("'" + path + "': two video packets share a decoding timestamp; the file cannot be indexed");
        }
    }
    int r = av_seek_frame(format.get(), streamIndex, byDts.front().dts, AVSEEK_FLAG_BACKWARD);
    if (r < 0) r = av_seek_frame(format.get(), streamIndex, 0, AVSEEK_FLAG_BYTE);
    if (r < 0) return makeError("'" + path + "': cannot rewind to index it: " + libav::errorString(r));
    avcodec_flush_buffers(codec.get());
    std::vector<int64_t> displayOrder;  // packet dts of each picture, in the order they are shown
    displayOrder.reserve(byDts.size());
    auto receive = [&] {
        while (avcodec_receive_frame(codec.get(), decoded.get()) == 0) {
            ++stats.framesDecoded;
            displayOrder.push_back(decoded->reordered_opaque);
            av_frame_unref(decoded.get());
        }
    };
    while (av_read_frame(format.get(), packet.get()) >= 0) {
        if (packet->stream_index == streamIndex && packet->dts != AV_NOPTS_VALUE) {
            codec->reordered_opaque = packet->dts;
            avcodec_send_packet(codec.get(), packet.get());  // damaged packets simply yield no picture
        }
        av_packet_unref(packet.get());
        receive();
    }
    avcodec_send_packet(codec.get(), nullptr);
    receive();
    avcodec_flush_buffers(codec.get());
    positioned = false;
    if (displayOrder.empty()) return makeError("'" + path + "': no frame of the video could be decoded");

    std::vector<FrameIndexEntry> entries;
    entries.reserve(displayOrder.size());
    for (size_t k = 0; k < displayOrder.size(); ++k) {
        auto packetOf = std::lower_bound(byDts.begin(), byDts.end(), displayOrder[k],
                                         [](const FrameIndexEntry& e, int64_t dts) { return e.dts < dts; });
        if (packetOf == byDts.end() || packetOf->dts != displayOrder[k]) continue;
        FrameIndexEntry e = *packetOf;
        // Display times: the k-th smallest decoding timestamp (these streams are constant-rate).
        e.pts = byDts[std::min(k, byDts.size() - 1)].dts;
        entries.push_back(e);
    }
    if (std::none_of(entries.begin(), entries.end(), [](const FrameIndexEntry& e) { return e.keyframe; })) {
        entries.front().keyframe = true;
    }
    return FrameIndex(std::move(entries), TimeBase{stream->time_base.num, stream->time_base.den},
                      FrameIdentity::PacketDecodeTimestamp);
}

Status VideoFileSource::Impl::seekTo(int keyframe) {
    ++stats.seeks;
    const FrameIndexEntry& e = index.entry(std::max(0, keyframe));
    // Demuxers index keyframes by dts (MP4) or pts (MKV); dts <= pts, so seeking backwards
    // from the keyframe's pts lands on it (or an earlier keyframe, which still reaches it).
    const bool byDts = index.identity() == FrameIdentity::PacketDecodeTimestamp;
    int r = av_seek_frame(format.get(), streamIndex, byDts ? e.dts : e.pts, AVSEEK_FLAG_BACKWARD);
    if (r < 0) r = av_seek_frame(format.get(), streamIndex, std::min(e.pts, e.dts), AVSEEK_FLAG_BACKWARD);
    if (r < 0 && e.bytePos >= 0) r = av_seek_frame(format.get(), streamIndex, e.bytePos, AVSEEK_FLAG_BYTE);
    if (r < 0) return makeError("'" + path + "': cannot seek to frame " + std::to_string(keyframe) + ": " +
                                libav::errorString(r));
    avcodec_flush_buffers(codec.get());
    positioned = true;
    demuxerAtEnd = false;
    seekKeyframe = keyframe;
    lastOutput = -1;
    return Status::success();
}

Result<FramePtr> VideoFileSource::Impl::convert(const AVFrame* frame, int displayIndex) {
    const int outW = options.outputWidth > 0 ? options.outputWidth : frame->width;
    const int outH = options.outputHeight > 0 ? options.outputHeight : frame->height;
    // BGRA: with an opaque source swscale writes alpha 255, as QImage::Format_RGB32 wants.
    const AVPixelFormat outputFormat = options.pixelLayout == PixelLayout::Bgrx32 ? AV_PIX_FMT_BGRA : AV_PIX_FMT_RGB24;
    SwsContext* ctx = sws_getCachedContext(sws.release(), frame->width, frame->height,
                                           static_cast<AVPixelFormat>(frame->format), outW, outH,
                                           outputFormat, SWS_BILINEAR, nullptr, nullptr, nullptr);
    sws.reset(ctx);
    if (!ctx) {
        const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame->format));
        return makeError("'" + path + "': cannot convert pixel format " + (name ? name : "unknown") + " to RGB");
    }
    const bool fullRange = frame->color_range == AVCOL_RANGE_JPEG;
    const int* coefficients = sws_getCoefficients(swsColorspace(frame->colorspace));
    sws_setColorspaceDetails(ctx, coefficients, fullRange ? 1 : 0, sws_getCoefficients(SWS_CS_DEFAULT), 1, 0,
                             1 << 16, 1 << 16);

    const int stride = alignedStride(outW, options.pixelLayout);
    std::shared_ptr<VideoFrame> out = buffers->acquire(static_cast<size_t>(stride) * outH);
    out->index = displayIndex;
    out->pts = index.entry(displayIndex).pts;
    out->seconds = index.seconds(displayIndex);
    out->width = outW;
    out->height = outH;
    out->stride = stride;
    out->layout = options.pixelLayout;
    uint8_t* dst[4] = {out->rgb.data(), nullptr, nullptr, nullptr};
    int dstStride[4] = {out->stride, 0, 0, 0};
    sws_scale(ctx, frame->data, frame->linesize, 0, frame->height, dst, dstStride);
    ++stats.framesConverted;
    return FramePtr(std::move(out));
}

Result<FramePtr> VideoFileSource::Impl::decodeUntil(int target, const PassedFrameSink* passed, bool& missed) {
    missed = false;
    // Generous bound on packets per request so that no stream can keep us here forever.
    const int64_t packetLimit = static_cast<int64_t>(index.frameCount()) * 4 + 1000;
    int64_t packetsRead = 0;
    int64_t badPackets = 0;
    while (true) {
        const int r = avcodec_receive_frame(codec.get(), decoded.get());
        if (r == 0) {
            ++stats.framesDecoded;
            std::optional<int> display;
            if (index.identity() == FrameIdentity::PacketDecodeTimestamp) {
                display = index.frameForPacketDts(decoded->reordered_opaque);
            } else {
                int64_t pts = decoded->best_effort_timestamp;
                if (pts == AV_NOPTS_VALUE) pts = decoded->pts;
                display = pts == AV_NOPTS_VALUE ? std::nullopt : index.frameForPts(pts);
                if (!display && pts != AV_NOPTS_VALUE) display = index.nearestFrameForPts(pts);
            }
            if (!display) {
                av_frame_unref(decoded.get());
                continue;
            }
            const int d = *display;
            lastOutput = d;
            if (d == target) {
                Result<FramePtr> frame = convert(decoded.get(), d);
                av_frame_unref(decoded.get());
                return frame;
            }
            if (d > target && d >= seekKeyframe) {
                av_frame_unref(decoded.get());
                missed = true;
                return makeError("missed");
            }
            if (d < target && d >= seekKeyframe && passed && passed->wants && passed->wants(d)) {
                Result<FramePtr> frame = convert(decoded.get(), d);
                if (frame.ok()) passed->take(frame.value());
            }
            av_frame_unref(decoded.get());
            continue;
        }
        if (r == AVERROR_EOF) {
            positioned = false;  // drained: the decoder must be flushed before further use
            missed = true;
            return makeError("end of stream");
        }
        if (r != AVERROR(EAGAIN)) {
            positioned = false;
            return makeError("'" + path + "': decoder failed near frame " + std::to_string(target) + ": " +
                             libav::errorString(r));
        }
        // The decoder wants input.
        if (demuxerAtEnd) {
            positioned = false;
            missed = true;
            return makeError("end of stream");
        }
        if (++packetsRead > packetLimit) {
            positioned = false;
            return makeError("'" + path + "': gave up looking for frame " + std::to_string(target) +
                             " (the stream does not deliver it)");
        }
        const int readResult = av_read_frame(format.get(), packet.get());
        if (readResult < 0) {
            demuxerAtEnd = true;
            avcodec_send_packet(codec.get(), nullptr);  // drain the pictures still held back
            continue;
        }
        if (packet->stream_index != streamIndex) {
            av_packet_unref(packet.get());
            continue;
        }
        codec->reordered_opaque = packet->dts;  // comes back on the picture (FrameIdentity::PacketDecodeTimestamp)
        const int sent = avcodec_send_packet(codec.get(), packet.get());
        av_packet_unref(packet.get());
        if (sent < 0 && sent != AVERROR(EAGAIN)) {
            // A damaged packet: the decoder conceals what it can; keep going, within reason.
            if (++badPackets > 64) {
                positioned = false;
                return makeError("'" + path + "': the stream is damaged near frame " + std::to_string(target) +
                                 " (" + libav::errorString(sent) + ")");
            }
        }
    }
}

VideoFileSource::VideoFileSource(std::unique_ptr<Impl> impl) : d_(std::move(impl)) {}
VideoFileSource::~VideoFileSource() = default;

Result<std::unique_ptr<VideoFileSource>> VideoFileSource::open(const std::string& path, const OpenOptions& options) {
    libav::quietenLibav();
    auto d = std::make_unique<Impl>();
    d->path = path;
    d->options = options;
    if (!d->packet || !d->decoded) return makeError("out of memory");

    AVFormatContext* rawFormat = nullptr;
    int r = avformat_open_input(&rawFormat, path.c_str(), nullptr, nullptr);
    if (r < 0) return makeError("cannot open '" + path + "': " + libav::errorString(r));
    d->format.reset(rawFormat);
    r = avformat_find_stream_info(d->format.get(), nullptr);
    if (r < 0) return makeError("cannot read streams of '" + path + "': " + libav::errorString(r));

    const AVCodec* decoder = nullptr;
    r = av_find_best_stream(d->format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (r == AVERROR_STREAM_NOT_FOUND) return makeError("'" + path + "' has no video stream");
    if (r == AVERROR_DECODER_NOT_FOUND || !decoder) {
        return makeError("'" + path + "': no decoder for its video codec");
    }
    if (r < 0) return makeError("'" + path + "': " + libav::errorString(r));
    d->streamIndex = r;
    d->stream = d->format->streams[r];
    for (unsigned i = 0; i < d->format->nb_streams; ++i) {
        if (static_cast<int>(i) != d->streamIndex) d->format->streams[i]->discard = AVDISCARD_ALL;
    }
    const AVCodecParameters* parameters = d->stream->codecpar;
    if (parameters->width <= 0 || parameters->height <= 0) {
        return makeError("'" + path + "': the video stream has no picture size");
    }

    d->codec.reset(avcodec_alloc_context3(decoder));
    if (!d->codec) return makeError("out of memory");
    r = avcodec_parameters_to_context(d->codec.get(), parameters);
    if (r < 0) return makeError("'" + path + "': " + libav::errorString(r));
    d->codec->thread_count = options.decoderThreads;
    d->codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    d->codec->pkt_timebase = d->stream->time_base;
    r = avcodec_open2(d->codec.get(), decoder, nullptr);
    if (r < 0) return makeError("'" + path + "': cannot open the " + decoder->name + " decoder: " + libav::errorString(r));

    std::optional<FrameIndexCache> cache;
    if (options.useIndexCache) cache.emplace(options.indexCacheDirectory);
    if (cache) {
        if (auto cached = cache->load(path)) {
            d->index = std::move(*cached);
            d->indexFromCache = true;
        }
    }
    if (!d->indexFromCache) {
        Result<FrameIndex> scanned = d->scanPackets();
        if (!scanned.ok()) return scanned.takeError();
        d->index = std::move(scanned).value();
        if (cache) cache->store(path, d->index);
    }

    VideoInfo& info = d->info;
    info.path = path;
    info.container = d->format->iformat->name;
    info.codec = avcodec_get_name(parameters->codec_id);
    info.width = options.outputWidth > 0 ? options.outputWidth : parameters->width;
    info.height = options.outputHeight > 0 ? options.outputHeight : parameters->height;
    info.frameCount = d->index.frameCount();
    info.fps = d->index.averageFps();
    if (info.fps <= 0 && d->stream->avg_frame_rate.num > 0) info.fps = av_q2d(d->stream->avg_frame_rate);
    info.durationSeconds = d->index.durationSeconds();
    info.variableFrameRate = d->index.variableFrameRate();
    return std::unique_ptr<VideoFileSource>(new VideoFileSource(std::move(d)));
}

const VideoInfo& VideoFileSource::info() const { return d_->info; }
const FrameIndex& VideoFileSource::index() const { return d_->index; }
PixelLayout VideoFileSource::pixelLayout() const { return d_->options.pixelLayout; }

DecodeStatistics VideoFileSource::statistics() const { return d_->stats; }
bool VideoFileSource::indexFromCache() const { return d_->indexFromCache; }

Result<FramePtr> VideoFileSource::readFrame(int frame, const PassedFrameSink* passed) {
    const int count = d_->index.frameCount();
    if (frame < 0 || frame >= count) {
        return frameOutOfRange(frame, count);
    }
    int keyframe = d_->index.keyframeAtOrBefore(frame);
    // Decode onwards from where the decoder is when no keyframe lies between it and the target,
    // or the gap is small: that is what makes sequential reading cheap.
    const bool continueDecoding = d_->positioned && d_->lastOutput >= 0 && d_->lastOutput < frame &&
                                  (keyframe <= d_->lastOutput || frame - d_->lastOutput <= 4);
    bool seeked = false;
    if (!continueDecoding) {
        if (Status s = d_->seekTo(keyframe); !s.ok()) return s.takeError();
        seeked = true;
    }
    for (int attempt = 0; attempt < kMaxSeekAttempts; ++attempt) {
        bool missed = false;
        Result<FramePtr> result = d_->decodeUntil(frame, passed, missed);
        if (!missed) return result;
        // The target went by undelivered: seek to its keyframe if we had not, else start again
        // from an earlier keyframe, and at last from the start of the file.
        if (seeked) {
            const std::optional<int> earlier = d_->index.keyframeBefore(keyframe);
            keyframe = (earlier && attempt + 2 < kMaxSeekAttempts) ? *earlier : 0;
        }
        if (Status s = d_->seekTo(keyframe); !s.ok()) return s.takeError();
        seeked = true;
    }
    return makeError("'" + d_->path + "': frame " + std::to_string(frame) +
                     " cannot be decoded (the file may be damaged around " +
                     std::to_string(d_->index.seconds(frame)) + " s)");
}

}  // namespace actionlens::media
