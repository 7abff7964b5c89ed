#include "core/media/camera_source.h"

#include "core/media/libav_handles.h"

extern "C" {
#include <libavdevice/avdevice.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <regex>

#include <fcntl.h>
#include <linux/videodev2.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace actionlens::media {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kTypeHint =
    "type /dev/videoN (a camera), or lavfi:GRAPH (e.g. lavfi:testsrc=size=640x480:rate=25, or lavfi:movie=FILE to play a "
    "video as if it were a camera)";

void registerDevices() {
    static std::once_flag once;
    std::call_once(once, [] { avdevice_register_all(); });
}

std::string videoInputNames() {
    std::string names;
    for (const AVInputFormat* f = av_input_video_device_next(nullptr); f; f = av_input_video_device_next(f)) {
        if (!names.empty()) names += ", ";
        names += f->name;
    }
    return names.empty() ? "none" : names;
}

// Filter-graph escaping, both levels FFmpeg's "Notes on filtergraph escaping" describe: first the
// option value (':' '\' '''), then the filter description ('\' ''' '[' ']' ',' ';').
std::string escapeLevel(const std::string& text, const std::string& special) {
    std::string out;
    for (char c : text) {
        if (special.find(c) != std::string::npos) out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

Result<CameraAddress> parseCameraAddress(const std::string& device) {
    if (device.empty()) return makeError(std::string("no camera given: ") + kTypeHint);
    if (std::all_of(device.begin(), device.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return CameraAddress{"v4l2", "/dev/video" + device};
    if (device.rfind("/dev/", 0) == 0) return CameraAddress{"v4l2", device};
    static const std::regex prefixed("^([a-z0-9_]+):(.*)$");
    std::smatch m;
    if (std::regex_match(device, m, prefixed)) {
        if (m[2].str().empty()) return makeError("'" + device + "': nothing after '" + m[1].str() + ":'; " + kTypeHint);
        return CameraAddress{m[1].str(), m[2].str()};
    }
    return makeError("'" + device + "' is not a camera: " + kTypeHint);
}

std::string movieCameraDevice(const std::string& videoPath, bool loop) {
    const std::string value = escapeLevel(videoPath, ":\\'");
    return "lavfi:movie=" + escapeLevel(value, "\\'[],;") + (loop ? ":loop=0" : "");
}

std::vector<CameraDevice> listCameras() {
    std::vector<std::pair<int, CameraDevice>> found;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/dev", error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("video", 0) != 0 || name.size() == 5) continue;
        const std::string digits = name.substr(5);
        if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        const std::string path = entry.path().string();
        const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
        if (fd < 0) continue;
        v4l2_capability caps{};
        const bool queried = ::ioctl(fd, VIDIOC_QUERYCAP, &caps) == 0;
        ::close(fd);
        if (!queried) continue;
        const std::uint32_t c = (caps.capabilities & V4L2_CAP_DEVICE_CAPS) ? caps.device_caps : caps.capabilities;
        if (!(c & (V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_VIDEO_CAPTURE_MPLANE))) continue;  // metadata nodes, outputs
        const std::string card(reinterpret_cast<const char*>(caps.card));
        found.push_back({std::stoi(digits), CameraDevice{path, card.empty() ? path : card}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<CameraDevice> out;
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

struct CameraSource::Impl {
    std::string device;
    CameraAddress address;
    CameraOptions options;
    libav::FormatContextPtr format;
    libav::CodecContextPtr codec;
    libav::SwsContextPtr sws;
    libav::FramePtr decoded{av_frame_alloc()};
    libav::PacketPtr packet{av_packet_alloc()};
    int stream = -1;
    AVRational timeBase{1, 1000000};
    double rate = 0.0;
    bool generated = false;  // lavfi: paced by us
    bool draining = false;   // the input ended; the decoder gives what it still holds

    std::int64_t handedOut = 0;
    std::int64_t firstPts = AV_NOPTS_VALUE;
    Clock::time_point paceAnchor;  // when the frame of seconds 0 is due
    std::string stopped;

    // Read by FFmpeg's interrupt callback on the reading thread; set from any thread.
    std::atomic<bool> interrupted{false};
    std::atomic<std::int64_t> deadlineNs{0};
    std::mutex waitMutex;
    std::condition_variable wake;

    static int interruptCallback(void* opaque) {
        auto* self = static_cast<Impl*>(opaque);
        if (self->interrupted.load()) return 1;
        const std::int64_t deadline = self->deadlineNs.load();
        return deadline != 0 && Clock::now().time_since_epoch().count() > deadline ? 1 : 0;
    }
    void armDeadline() {
        deadlineNs = (Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.timeoutSeconds)))
                         .time_since_epoch()
                         .count();
    }
    bool pastDeadline() const { return Clock::now().time_since_epoch().count() > deadlineNs.load(); }
    // Sleeps until `until`, or less when interrupted; false when interrupted.
    bool sleepUntil(Clock::time_point until) {
        std::unique_lock<std::mutex> lock(waitMutex);
        return !wake.wait_until(lock, until, [this] { return interrupted.load(); });
    }

    CameraRead stop(std::string why) {
        if (stopped.empty()) stopped = "the camera stopped: " + std::move(why);
        return CameraRead{nullptr, stopped};
    }
    std::string timeoutText() const {
        char text[64];
        std::snprintf(text, sizeof(text), "no frame for %.3g s", options.timeoutSeconds);
        return text;
    }

    Result<FramePtr> convert(const AVFrame* frame) {
        const AVPixelFormat outputFormat = options.pixelLayout == PixelLayout::Bgrx32 ? AV_PIX_FMT_BGRA : AV_PIX_FMT_RGB24;
        SwsContext* ctx = sws_getCachedContext(sws.release(), frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
                                               frame->width, frame->height, outputFormat, SWS_BILINEAR, nullptr, nullptr, nullptr);
        sws.reset(ctx);
        if (!ctx) {
            const char* name = av_get_pix_fmt_name(static_cast<AVPixelFormat>(frame->format));
            return makeError(std::string("cannot convert the camera's pixel format ") + (name ? name : "unknown") + " to RGB");
        }
        auto out = std::make_shared<VideoFrame>();
        out->width = frame->width;
        out->height = frame->height;
        out->layout = options.pixelLayout;
        out->stride = alignedStride(frame->width, options.pixelLayout);
        out->rgb.resize(static_cast<size_t>(out->stride) * frame->height);
        uint8_t* dst[4] = {out->rgb.data(), nullptr, nullptr, nullptr};
        int dstStride[4] = {out->stride, 0, 0, 0};
        sws_scale(ctx, frame->data, frame->linesize, 0, frame->height, dst, dstStride);

        std::int64_t pts = frame->best_effort_timestamp != AV_NOPTS_VALUE ? frame->best_effort_timestamp : frame->pts;
        if (pts != AV_NOPTS_VALUE) {
            if (firstPts == AV_NOPTS_VALUE) firstPts = pts;
            out->pts = pts;
            out->seconds = double(pts - firstPts) * av_q2d(timeBase);
        } else {
            out->pts = handedOut;
            out->seconds = rate > 0 ? double(handedOut) / rate : 0.0;
        }
        out->index = int(handedOut++);
        return FramePtr(std::move(out));
    }

    // A generated input at the pace of its timestamps; a late reader re-anchors rather than
    // rushing through the frames it missed.
    bool pace(double seconds) {
        if (!generated || !options.paceGenerated) return true;
        const auto now = Clock::now();
        const auto offset = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        if (handedOut == 1 || now > paceAnchor + offset + std::chrono::milliseconds(500)) paceAnchor = now - offset;
        return sleepUntil(paceAnchor + offset);
    }

    CameraRead read() {
        if (!stopped.empty()) return CameraRead{nullptr, stopped};
        for (;;) {
            if (interrupted) return stop("stopped");
            const int received = avcodec_receive_frame(codec.get(), decoded.get());
            if (received == 0) {
                auto frame = convert(decoded.get());
                av_frame_unref(decoded.get());
                if (!frame) return stop(frame.error());
                if (!pace(frame.value()->seconds)) return stop("stopped");
                return CameraRead{std::move(frame).value(), {}};
            }
            if (received == AVERROR_EOF) return stop("the input ended");
            if (received != AVERROR(EAGAIN)) return stop("cannot decode the camera's frames (" + libav::errorString(received) + ")");
            if (draining) return stop("the input ended");
            // The decoder wants a packet.
            armDeadline();
            for (;;) {
                const int r = av_read_frame(format.get(), packet.get());
                if (r == AVERROR(EAGAIN)) {  // non-blocking input, nothing yet
                    if (pastDeadline()) return stop(timeoutText());
                    if (!sleepUntil(Clock::now() + std::chrono::milliseconds(2))) return stop("stopped");
                    continue;
                }
                if (r == AVERROR_EOF) {
                    draining = true;
                    avcodec_send_packet(codec.get(), nullptr);
                    break;
                }
                if (r == AVERROR_EXIT) return stop(interrupted ? "stopped" : timeoutText());
                if (r < 0) return stop(libav::errorString(r));
                if (packet->stream_index != stream) {
                    av_packet_unref(packet.get());
                    continue;
                }
                const int sent = avcodec_send_packet(codec.get(), packet.get());
                av_packet_unref(packet.get());
                if (sent < 0 && sent != AVERROR(EAGAIN))
                    continue;  // a damaged packet yields no picture; the next may
                break;
            }
        }
    }
};

CameraSource::CameraSource(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
CameraSource::~CameraSource() = default;

Result<std::unique_ptr<CameraSource>> CameraSource::open(const std::string& device, const CameraOptions& options) {
    auto address = parseCameraAddress(device);
    if (!address) return address.takeError();
    libav::quietenLibav();
    registerDevices();
    const AVInputFormat* input = av_find_input_format(address->format.c_str());
    if (!input)
        return makeError("'" + device + "': this FFmpeg has no input '" + address->format + "' (its camera inputs: " + videoInputNames() +
                         "); " + kTypeHint);
    auto d = std::make_unique<Impl>();
    d->device = device;
    d->address = *address;
    d->options = options;
    d->generated = address->format == "lavfi";
    AVFormatContext* ctx = avformat_alloc_context();
    if (!ctx) return makeError("out of memory opening '" + device + "'");
    // Non-blocking reads (a camera that stops sending cannot hold read() past its timeout) and
    // an interrupt callback (opening, probing, interrupt() from another thread).
    ctx->flags |= AVFMT_FLAG_NONBLOCK;
    ctx->interrupt_callback.callback = &Impl::interruptCallback;
    ctx->interrupt_callback.opaque = d.get();
    d->armDeadline();
    int r = avformat_open_input(&ctx, address->url.c_str(), input, nullptr);  // frees ctx on failure
    if (r < 0) {
        std::string why = r == AVERROR_EXIT ? "it did not answer within the timeout" : libav::errorString(r);
        if (address->format == "v4l2") {  // which cameras there are instead
            std::string found;
            for (const CameraDevice& camera : listCameras()) found += (found.empty() ? "" : ", ") + camera.device;
            why += " (cameras found: " + (found.empty() ? std::string("none") : found) + ")";
        }
        return makeError("cannot open camera '" + device + "': " + why);
    }
    d->format.reset(ctx);
    r = avformat_find_stream_info(ctx, nullptr);
    if (r < 0) return makeError("camera '" + device + "': cannot read its stream (" + libav::errorString(r) + ")");
    const AVCodec* decoder = nullptr;
    d->stream = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (d->stream < 0 || !decoder) return makeError("camera '" + device + "' gives no video");
    AVStream* stream = ctx->streams[d->stream];
    d->timeBase = stream->time_base;
    const AVRational rate = stream->avg_frame_rate.num > 0 ? stream->avg_frame_rate : stream->r_frame_rate;
    d->rate = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0.0;
    d->codec.reset(avcodec_alloc_context3(decoder));
    if (!d->codec) return makeError("out of memory opening '" + device + "'");
    r = avcodec_parameters_to_context(d->codec.get(), stream->codecpar);
    if (r >= 0) r = avcodec_open2(d->codec.get(), decoder, nullptr);
    if (r < 0) return makeError("camera '" + device + "': cannot decode its " + avcodec_get_name(stream->codecpar->codec_id) + " video (" +
                                libav::errorString(r) + ")");
    return std::unique_ptr<CameraSource>(new CameraSource(std::move(d)));
}

CameraRead CameraSource::read() { return d->read(); }

void CameraSource::interrupt() {
    {
        std::lock_guard<std::mutex> lock(d->waitMutex);
        d->interrupted = true;
    }
    d->wake.notify_all();
}

const std::string& CameraSource::device() const { return d->device; }
int CameraSource::width() const { return d->codec ? d->codec->width : 0; }
int CameraSource::height() const { return d->codec ? d->codec->height : 0; }
double CameraSource::frameRate() const { return d->rate; }

std::string CameraSource::description() const {
    char text[128];
    std::snprintf(text, sizeof(text), ", %d x %d", width(), height());
    // A file played as a camera by its name; anything else as typed (long graphs cut short).
    std::string input = d->address.url;
    static const std::regex movie("^movie=(.*?)(:loop=[0-9]+)?$");
    std::smatch m;
    if (d->address.format == "lavfi" && std::regex_match(input, m, movie)) {
        // The path without the graph's two levels of escapes.
        auto unescape = [](const std::string& text) {
            std::string out;
            for (size_t i = 0; i < text.size(); ++i) {
                if (text[i] != '\\') out += text[i];
                else if (i + 1 < text.size()) out += text[++i];
            }
            return out;
        };
        const std::string path = unescape(unescape(m[1].str()));
        input = "movie " + std::filesystem::path(path).filename().string();
    }
    if (input.size() > 60) input = input.substr(0, 57) + "...";
    std::string out = d->address.format + " " + input + text;
    if (d->rate > 0) {
        std::snprintf(text, sizeof(text), ", %.3g frames/s", d->rate);
        out += text;
    }
    return out;
}

}  // namespace actionlens::media
