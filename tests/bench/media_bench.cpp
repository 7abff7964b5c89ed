// media_bench: core/media's decoding against a bare libav loop on the same file, side by side in
// one run, so the machine's noise cancels out in the ratios.
//
//   media_bench [--size 1920x1080] [--frames 300] [--gop 250] [--seeks 60] [--rounds 3] [--json FILE]
//
// Makes its own H.264 test video (B-frames, long GOP, frame numbers stamped in), then measures:
//  1. sequential decode: bare libav decode loop (decode only, and decode + RGB conversion)
//     against VideoFileSource::readFrame(0..N-1) and FrameServer playback;
//  2. random access: latency p50/p95 of VideoFileSource::readFrame at random frames, against the
//     time the bare loop needs to decode one whole GOP.
// Every frame the pipeline returns is checked against its stamp: a wrong frame fails the run.

#include "tests/bench/bench_failure.h"
#include "core/media/frame_server.h"
#include "core/media/frame_stamp.h"
#include "core/media/libav_handles.h"
#include "core/media/video_encoder.h"
#include "core/media/video_file_source.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

using namespace actionlens;
using actionlens::bench::die;
using namespace actionlens::media;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int width = 1920;
    int height = 1080;
    int frames = 300;
    int gop = 250;
    int seeks = 60;
    int rounds = 3;
    std::string json;
};

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5));
    return values[at];
}

// The reference: what any program decoding this file with libav at least has to do.
// Returns frames decoded; stops after `limit` frames.
int bareDecode(const std::string& path, bool convertToRgb, int limit) {
    AVFormatContext* raw = nullptr;
    if (avformat_open_input(&raw, path.c_str(), nullptr, nullptr) < 0) die("bare: cannot open");
    libav::FormatContextPtr format(raw);
    avformat_find_stream_info(format.get(), nullptr);
    const AVCodec* decoder = nullptr;
    const int stream = av_find_best_stream(format.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (stream < 0 || !decoder) die("bare: no video");
    libav::CodecContextPtr codec(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(codec.get(), format->streams[stream]->codecpar);
    codec->thread_count = 0;
    codec->thread_type = FF_THREAD_FRAME | FF_THREAD_SLICE;
    if (avcodec_open2(codec.get(), decoder, nullptr) < 0) die("bare: cannot open decoder");
    libav::PacketPtr packet(av_packet_alloc());
    libav::FramePtr frame(av_frame_alloc());
    libav::SwsContextPtr sws;
    std::vector<uint8_t> rgb;
    int decoded = 0;
    auto consume = [&] {
        while (decoded < limit && avcodec_receive_frame(codec.get(), frame.get()) == 0) {
            if (convertToRgb) {
                sws.reset(sws_getCachedContext(sws.release(), frame->width, frame->height,
                                               static_cast<AVPixelFormat>(frame->format), frame->width, frame->height,
                                               AV_PIX_FMT_RGB24, SWS_BILINEAR, nullptr, nullptr, nullptr));
                const int stride = alignedRgbStride(frame->width);
                rgb.resize(static_cast<size_t>(stride) * frame->height);
                uint8_t* dst[4] = {rgb.data(), nullptr, nullptr, nullptr};
                int dstStride[4] = {stride, 0, 0, 0};
                sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, dst, dstStride);
            }
            ++decoded;
            av_frame_unref(frame.get());
        }
    };
    while (decoded < limit && av_read_frame(format.get(), packet.get()) >= 0) {
        if (packet->stream_index == stream) avcodec_send_packet(codec.get(), packet.get());
        av_packet_unref(packet.get());
        consume();
    }
    avcodec_send_packet(codec.get(), nullptr);
    consume();
    return decoded;
}

std::unique_ptr<VideoFileSource> openSource(const std::string& path, const std::string& cacheDir) {
    OpenOptions options;
    options.indexCacheDirectory = cacheDir;
    auto source = VideoFileSource::open(path, options);
    if (!source.ok()) die(source.error());
    return std::move(source).value();
}

void checkStamp(const VideoFrame& frame, int expected) {
    const auto stamp = readFrameStamp(frame.rgb.data(), frame.width, frame.height, frame.stride);
    if (!stamp || *stamp != expected) {
        die("asked for frame " + std::to_string(expected) + ", got a frame stamped " +
            (stamp ? std::to_string(*stamp) : std::string("unreadable")));
    }
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--size") {
            if (std::sscanf(next().c_str(), "%dx%d", &o.width, &o.height) != 2) die("--size takes WxH");
        } else if (a == "--frames") {
            o.frames = std::atoi(next().c_str());
        } else if (a == "--gop") {
            o.gop = std::atoi(next().c_str());
        } else if (a == "--seeks") {
            o.seeks = std::atoi(next().c_str());
        } else if (a == "--rounds") {
            o.rounds = std::atoi(next().c_str());
        } else if (a == "--json") {
            o.json = next();
        } else {
            die("unknown option " + a + " (see the comment at the top of media_bench.cpp)");
        }
    }
    if (o.frames < 2 || o.gop < 1 || o.seeks < 1 || o.rounds < 1) die("bad option values");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    const std::string dir = (std::filesystem::temp_directory_path() / ("actionlens-bench-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/bench.mp4";

    std::printf("making a %dx%d H.264 video: %d frames, GOP %d, 3 B-frames ...\n", o.width, o.height, o.frames, o.gop);
    std::fflush(stdout);
    {
        EncoderSettings settings;
        settings.width = o.width;
        settings.height = o.height;
        settings.gopSize = o.gop;
        settings.maxBFrames = 3;
        settings.preset = "ultrafast";
        settings.quality = 20;
        auto encoder = VideoEncoder::open(path, settings);
        if (!encoder.ok()) die(encoder.error());
        if (encoder.value()->codecName() != "h264") std::printf("note: no H.264 encoder, using %s\n", encoder.value()->codecName().c_str());
        const int stride = alignedRgbStride(o.width);
        std::vector<uint8_t> picture(static_cast<size_t>(stride) * o.height);
        for (int i = 0; i < o.frames; ++i) {
            drawStampedPicture(picture.data(), o.width, o.height, stride, i);
            if (Status s = encoder.value()->write(picture.data(), stride); !s.ok()) die(s.error());
        }
        if (Status s = encoder.value()->finish(); !s.ok()) die(s.error());
    }
    const std::string cacheDir = dir + "/index-cache";
    auto probe = openSource(path, cacheDir);
    const int frames = probe->index().frameCount();
    const int gopFrames = std::min(frames, o.gop);
    probe.reset();

    // 1. Sequential decoding, the contenders interleaved round by round.
    std::vector<double> bareDecodeOnly, bareWithRgb, sourceSequential, serverSequential, gopDecode;
    for (int round = 0; round < o.rounds; ++round) {
        auto t = Clock::now();
        if (bareDecode(path, false, frames) != frames) die("bare loop lost frames");
        bareDecodeOnly.push_back(frames / secondsSince(t));

        t = Clock::now();
        if (bareDecode(path, true, frames) != frames) die("bare loop lost frames");
        bareWithRgb.push_back(frames / secondsSince(t));

        t = Clock::now();
        auto source = openSource(path, cacheDir);
        for (int n = 0; n < frames; ++n) {
            auto frame = source->readFrame(n);
            if (!frame.ok()) die(frame.error());
            if (n % 50 == 0) checkStamp(*frame.value(), n);
        }
        sourceSequential.push_back(frames / secondsSince(t));

        t = Clock::now();
        {
            FrameServerSettings settings;
            settings.cacheBudgetBytes = size_t{256} << 20;
            FrameServer server(openSource(path, cacheDir), settings);
            for (int n = 0; n < frames; ++n) {
                server.setPlayhead(n, PlayDirection::Forward);
                auto frame = server.get(n);
                if (!frame.ok()) die(frame.error());
                if (n % 50 == 0) checkStamp(*frame.value(), n);
            }
        }
        serverSequential.push_back(frames / secondsSince(t));

        t = Clock::now();
        if (bareDecode(path, true, gopFrames) != gopFrames) die("bare loop lost frames");
        gopDecode.push_back(secondsSince(t));
    }

    // 2. Random access latency.
    std::vector<double> seekLatency;
    {
        auto source = openSource(path, cacheDir);
        std::mt19937 random(42);
        std::uniform_int_distribution<int> pick(0, frames - 1);
        for (int i = 0; i < o.seeks; ++i) {
            const int n = pick(random);
            const auto t = Clock::now();
            auto frame = source->readFrame(n);
            seekLatency.push_back(secondsSince(t));
            if (!frame.ok()) die(frame.error());
            checkStamp(*frame.value(), n);
        }
    }

    const double bare = median(bareDecodeOnly), bareRgb = median(bareWithRgb);
    const double src = median(sourceSequential), srv = median(serverSequential);
    const double gop = median(gopDecode);
    const double p50 = percentile(seekLatency, 0.5), p95 = percentile(seekLatency, 0.95);
    std::printf("\n%dx%d H.264, %d frames, GOP %d, medians of %d rounds, %d random seeks\n\n", o.width, o.height, frames,
                o.gop, o.rounds, o.seeks);
    std::printf("| measure | value | ratio |\n|---|---|---|\n");
    std::printf("| bare libav decode loop (decode only) | %.1f fps | 1.00 |\n", bare);
    std::printf("| bare libav decode loop + RGB conversion | %.1f fps | %.2f of decode only |\n", bareRgb, bareRgb / bare);
    std::printf("| VideoFileSource sequential readFrame | %.1f fps | %.2f of bare+RGB, %.2f of decode only |\n", src,
                src / bareRgb, src / bare);
    std::printf("| FrameServer playback (decoder thread, prefetch) | %.1f fps | %.2f of bare+RGB, %.2f of decode only |\n",
                srv, srv / bareRgb, srv / bare);
    std::printf("| decode one GOP (%d frames, bare + RGB) | %.1f ms | 1.00 |\n", gopFrames, gop * 1e3);
    std::printf("| random seek latency p50 | %.1f ms | %.2f of one GOP |\n", p50 * 1e3, p50 / gop);
    std::printf("| random seek latency p95 | %.1f ms | %.2f of one GOP |\n", p95 * 1e3, p95 / gop);

    if (!o.json.empty()) {
        std::ofstream out(o.json);
        out << "{\"width\":" << o.width << ",\"height\":" << o.height << ",\"frames\":" << frames << ",\"gop\":" << o.gop
            << ",\"bare_decode_fps\":" << bare << ",\"bare_decode_rgb_fps\":" << bareRgb
            << ",\"source_sequential_fps\":" << src << ",\"server_sequential_fps\":" << srv
            << ",\"gop_decode_ms\":" << gop * 1e3 << ",\"seek_p50_ms\":" << p50 * 1e3 << ",\"seek_p95_ms\":" << p95 * 1e3
            << "}\n";
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
