// store_bench: the project store (core/annotation's ProjectStore over SQLite) at the sizes the
// design promises, in one run on a fresh temporary folder.
//
//   store_bench [--joint-rows 10000000] [--videos 1000] [--subjects 4] [--segments 100000]
//               [--penn DIR | --penn none] [--penn-limit K] [--batch 10000] [--read-range 1000]
//               [--queries 1000] [--json FILE] [--keep]
//
//  1. Penn Action import: formats::importProject("penn-action", DIR) of the real training split
//     (default: ../shared/data/penn_action/train beside the repository; --penn-limit K imports only
//     the first K files): seconds, files/s, joint rows/s (frames x 13 joints).
//  2. Skeletons: N joint rows as N/17 COCO-17 frames over --videos videos and --subjects subjects
//     (one or two subjects per video), written with insertSkeletonFrames in batches of --batch
//     frames (each call one transaction); the project is closed, reopened (timed: open runs
//     PRAGMA integrity_check over the whole file) and read back with skeletonFrames(video, a, b)
//     ranges of --read-range frames that cover everything; then --queries random range reads
//     ("frames [a, a+100] of video V"), latency p50/p95.
//  3. Segments: a project with --segments labelled segments (Penn Action taxonomy) over the same
//     number of videos: insert time, ProjectStore::open time, segmentsOfVideo(V) p50/p95 over
//     random videos, counts().
// Peak RSS (VmHWM) is read after each phase. Every row read back is compared with what was
// written (ids, frame, every joint value); any difference fails the run (exit 1).

#include "tests/bench/bench_failure.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#ifndef ACTIONLENS_PENN_TRAIN_DIR
#define ACTIONLENS_PENN_TRAIN_DIR ""
#endif

using namespace actionlens;
using actionlens::bench::die;
using actionlens::bench::need;
using namespace actionlens::annotation;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::int64_t jointRows = 10'000'000;
    int videos = 1000;
    int subjects = 4;
    std::int64_t segments = 100'000;
    std::string penn = ACTIONLENS_PENN_TRAIN_DIR;
    int pennLimit = 0;  // 0: every file
    int batch = 10'000;
    int readRange = 1000;
    int queries = 1000;
    std::string json;
    bool keep = false;
};

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, static_cast<size_t>(p * (values.size() - 1) + 0.5));
    return values[at];
}

// kB from /proc/self/status ("VmHWM", "VmRSS"); 0 where the line is missing.
std::int64_t procStatusKb(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) return std::atoll(line.c_str() + key.size() + 1);
    }
    return 0;
}

double mib(std::int64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

std::int64_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::int64_t>(size);
}

std::string format(const char* fmt, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, fmt, value);
    return buffer;
}

// Thousands separators keep 10,000,000 readable in the table.
std::string grouped(double value) {
    std::string digits = std::to_string(static_cast<long long>(value + 0.5));
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) digits.insert(static_cast<size_t>(at), ",");
    return digits;
}

// The table and the JSON file, filled phase by phase.
struct Report {
    std::vector<std::vector<std::string>> rows;  // measure, value, ratio
    std::vector<std::pair<std::string, double>> numbers;

    void row(std::string measure, std::string value, std::string ratio = "") {
        rows.push_back({std::move(measure), std::move(value), std::move(ratio)});
    }
    void number(std::string key, double value) { numbers.emplace_back(std::move(key), value); }
    void memory(const std::string& phase, const std::string& key) {
        const std::int64_t hwm = procStatusKb("VmHWM"), rss = procStatusKb("VmRSS");
        row("peak RSS (VmHWM) after " + phase, format("%.1f MiB", hwm / 1024.0), "now " + format("%.1f MiB", rss / 1024.0));
        number(key + "_peak_rss_mib", hwm / 1024.0);
    }
};

// ---- synthetic skeletons -------------------------------------------------------------------

std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

// The joint every (video, subject, frame, joint) gets, so a read can be checked without keeping
// what was written.
Joint syntheticJoint(std::int64_t video, std::int64_t subject, std::int64_t frame, int joint) {
    const std::uint64_t h = splitmix((static_cast<std::uint64_t>(video) << 40) ^ (static_cast<std::uint64_t>(subject) << 32) ^
                                     (static_cast<std::uint64_t>(frame) << 5) ^ static_cast<std::uint64_t>(joint));
    Joint j;
    j.x = static_cast<float>(h % 19200) / 10.0f;
    j.y = static_cast<float>((h >> 16) % 10800) / 10.0f;
    j.confidence = static_cast<float>((h >> 32) % 101) / 100.0f;
    j.visible = ((h >> 48) & 3) != 0;
    return j;
}

// Where the rows of one video go: `rows` rows, frame-major, `subjects` (sorted ids) per frame.
struct VideoPlan {
    std::int64_t id = 0;
    std::int64_t rows = 0;  // skeleton frames (one per subject and frame)
    std::vector<std::int64_t> subjects;
    std::int64_t frames() const { return (rows + static_cast<std::int64_t>(subjects.size()) - 1) / static_cast<std::int64_t>(subjects.size()); }
    // Rows of frames a..b inclusive.
    std::int64_t rowsIn(std::int64_t a, std::int64_t b) const {
        const std::int64_t k = static_cast<std::int64_t>(subjects.size());
        const std::int64_t first = std::max<std::int64_t>(0, a * k), last = std::min(rows - 1, (b + 1) * k - 1);
        return last >= first ? last - first + 1 : 0;
    }
};

SkeletonFrame syntheticFrame(const VideoPlan& plan, std::int64_t row, std::int64_t layoutId, int joints) {
    const std::int64_t k = static_cast<std::int64_t>(plan.subjects.size());
    SkeletonFrame f;
    f.videoId = plan.id;
    f.frame = row / k;
    f.subjectId = plan.subjects[static_cast<size_t>(row % k)];
    f.layoutId = layoutId;
    f.source = PoseSource::Model;
    f.joints.resize(static_cast<size_t>(joints));
    for (int j = 0; j < joints; ++j) f.joints[static_cast<size_t>(j)] = syntheticJoint(f.videoId, f.subjectId, f.frame, j);
    return f;
}

// Checks frames a.. of a read (ordered by frame, then subject) against the plan.
void checkRead(const VideoPlan& plan, std::int64_t a, std::int64_t b, const std::vector<SkeletonFrame>& read,
               std::int64_t layoutId, int joints) {
    const std::int64_t expected = plan.rowsIn(a, b);
    if (static_cast<std::int64_t>(read.size()) != expected)
        die("video " + std::to_string(plan.id) + " frames " + std::to_string(a) + ".." + std::to_string(b) + ": read " +
            std::to_string(read.size()) + " skeleton rows, wrote " + std::to_string(expected));
    const std::int64_t k = static_cast<std::int64_t>(plan.subjects.size());
    for (size_t i = 0; i < read.size(); ++i) {
        const SkeletonFrame want = syntheticFrame(plan, a * k + static_cast<std::int64_t>(i), layoutId, joints);
        if (!(read[i] == want))
            die("video " + std::to_string(plan.id) + " frame " + std::to_string(want.frame) + " subject " +
                std::to_string(want.subjectId) + ": the skeleton read back differs from the one written");
    }
}

// ---- phases --------------------------------------------------------------------------------

void pennImport(const Options& o, const std::string& dir, Report& report, double* importJointRowsPerSecond) {
    if (o.penn == "none") return;
    if (o.penn.empty() || !fs::is_directory(o.penn)) die("no Penn Action folder '" + o.penn + "' (pass --penn DIR or --penn none)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(fs::is_directory(fs::path(o.penn) / "labels") ? fs::path(o.penn) / "labels" : fs::path(o.penn)))
        if (entry.path().extension() == ".mat") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::string source = o.penn;
    if (o.pennLimit > 0 && static_cast<size_t>(o.pennLimit) < files.size()) {
        files.resize(static_cast<size_t>(o.pennLimit));
        source = dir + "/penn-subset";
        fs::create_directories(source);
        for (const fs::path& f : files) fs::copy_file(f, source + "/" + f.filename().string());
    }

    auto store = need(ProjectStore::create(dir + "/penn.alproj"), "create penn.alproj");
    std::int64_t reported = 0;
    formats::ImportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t) { reported = done; };
    const auto t = Clock::now();
    need(formats::importProject("penn-action", source, *store, options), "Penn Action import");
    const double seconds = secondsSince(t);

    const ProjectCounts c = need(store->counts(), "counts of penn.alproj");
    std::int64_t frames = 0;
    for (const Video& v : need(store->videos(), "videos of penn.alproj")) frames += v.frameCount;
    const std::int64_t n = static_cast<std::int64_t>(files.size());
    if (c.videos != n || c.segments != n || reported != n)
        die("Penn Action import: " + std::to_string(n) + " files gave " + std::to_string(c.videos) + " videos and " +
            std::to_string(c.segments) + " segments");
    if (c.skeletonFrames != frames)
        die("Penn Action import: " + std::to_string(c.skeletonFrames) + " skeleton rows for " + std::to_string(frames) + " frames");
    store.reset();

    const std::int64_t jointRows = frames * 13;
    *importJointRowsPerSecond = jointRows / seconds;
    report.row("Penn Action import (" + std::to_string(n) + " files, " + grouped(frames) + " frames, " + grouped(jointRows) +
                   " joint rows)",
               format("%.2f s", seconds));
    report.row("Penn Action import, files/s", format("%.0f", n / seconds));
    report.row("Penn Action import, joint rows/s", grouped(jointRows / seconds));
    report.row("Penn Action project file", format("%.1f MiB", mib(fileSize(dir + "/penn.alproj"))));
    report.number("penn_files", static_cast<double>(n));
    report.number("penn_frames", static_cast<double>(frames));
    report.number("penn_import_s", seconds);
    report.number("penn_files_per_s", n / seconds);
    report.number("penn_joint_rows_per_s", jointRows / seconds);
    report.memory("Penn Action import", "penn");
}

void skeletons(const Options& o, const std::string& dir, Report& report, double importJointRowsPerSecond) {
    const std::string path = dir + "/skeletons.alproj";
    auto store = need(ProjectStore::create(path), "create skeletons.alproj");
    const SkeletonLayout* layout = store->skeletonLayout("COCO-17");
    if (!layout) die("the project has no COCO-17 layout");
    const std::int64_t layoutId = layout->id;
    const int joints = static_cast<int>(layout->joints.size());
    const std::int64_t totalFrames = o.jointRows / joints;
    const std::int64_t jointRows = totalFrames * joints;

    // Subjects and video records (skeleton-only), in one transaction.
    std::vector<std::int64_t> subjectIds;
    std::vector<VideoPlan> plans(static_cast<size_t>(o.videos));
    need(store->transaction([&]() -> Status {
             for (int s = 0; s < o.subjects; ++s)
                 subjectIds.push_back(need(store->insertSubject(Subject{0, "person " + std::to_string(s + 1), {}}), "insert subject"));
             for (int v = 0; v < o.videos; ++v) {
                 VideoPlan& plan = plans[static_cast<size_t>(v)];
                 plan.rows = totalFrames / o.videos + (v < totalFrames % o.videos ? 1 : 0);
                 const int k = std::min(o.subjects, 1 + v % 2);  // every other video has two people
                 for (int j = 0; j < k; ++j) plan.subjects.push_back(subjectIds[static_cast<size_t>((v + j) % o.subjects)]);
                 std::sort(plan.subjects.begin(), plan.subjects.end());
                 Video video;
                 video.name = "video " + std::to_string(v + 1);
                 video.fps = 30.0;
                 video.frameCount = std::max<std::int64_t>(1, plan.frames());
                 video.width = 1920;
                 video.height = 1080;
                 video.splits = {v % 5 == 0 ? "val" : "train"};
                 plan.id = need(store->insertVideo(video), "insert video");
             }
             return Status::success();
         }),
         "insert videos and subjects");

    // Write.
    double writeSeconds = 0.0;
    std::int64_t written = 0;
    std::vector<SkeletonFrame> batch;
    batch.reserve(static_cast<size_t>(o.batch));
    auto flush = [&] {
        const auto t = Clock::now();
        need(store->insertSkeletonFrames(batch), "insertSkeletonFrames");
        writeSeconds += secondsSince(t);
        written += static_cast<std::int64_t>(batch.size());
        batch.clear();
    };
    const auto writeWall = Clock::now();
    for (const VideoPlan& plan : plans) {
        for (std::int64_t r = 0; r < plan.rows; ++r) {
            batch.push_back(syntheticFrame(plan, r, layoutId, joints));
            if (static_cast<int>(batch.size()) == o.batch) flush();
        }
    }
    if (!batch.empty()) flush();
    const double writeWallSeconds = secondsSince(writeWall);
    if (written != totalFrames) die("wrote " + std::to_string(written) + " frames, planned " + std::to_string(totalFrames));
    const ProjectCounts afterWrite = need(store->counts(), "counts after write");
    if (afterWrite.skeletonFrames != totalFrames)
        die("counts() after the write: " + std::to_string(afterWrite.skeletonFrames) + " skeleton rows, wrote " +
            std::to_string(totalFrames));
    const double writeRate = jointRows / writeSeconds;
    report.row("skeletons written (" + grouped(jointRows) + " joint rows = " + grouped(totalFrames) + " COCO-17 frames, " +
                   std::to_string(o.videos) + " videos, " + std::to_string(o.subjects) + " subjects, batches of " +
                   grouped(o.batch) + " frames)",
               format("%.2f s", writeSeconds), "wall incl. making the frames " + format("%.2f s", writeWallSeconds));
    report.row("write, joint rows/s", grouped(writeRate), "1.00");
    if (importJointRowsPerSecond > 0)
        report.row("Penn Action import vs raw store write, joint rows/s", format("%.2f", importJointRowsPerSecond / writeRate),
                   "import / write");
    report.number("joint_rows", static_cast<double>(jointRows));
    report.number("skeleton_frames", static_cast<double>(totalFrames));
    report.number("write_s", writeSeconds);
    report.number("write_joint_rows_per_s", writeRate);
    report.memory("write", "write");

    // Close (checkpoints the WAL into the file) and reopen: open checks the whole file's integrity.
    store.reset();
    const std::int64_t bytes = fileSize(path), walBytes = fileSize(path + "-wal");
    report.row("skeleton project file (+ WAL)", format("%.1f MiB", mib(bytes)) + " (+ " + format("%.1f MiB", mib(walBytes)) + ")",
               format("%.1f bytes per joint row", static_cast<double>(bytes) / static_cast<double>(std::max<std::int64_t>(1, jointRows))));
    report.number("skeleton_file_mib", mib(bytes));
    auto t = Clock::now();
    store = need(ProjectStore::open(path), "open skeletons.alproj");
    const double openSeconds = secondsSince(t);
    report.row("ProjectStore::open of the skeleton project (integrity_check over the whole file)", format("%.3f s", openSeconds),
               format("%.0f MiB/s", mib(bytes) / openSeconds));
    report.number("skeleton_open_s", openSeconds);

    // Read everything back in ranges.
    double readSeconds = 0.0;
    std::int64_t readRows = 0;
    for (const VideoPlan& plan : plans) {
        for (std::int64_t a = 0; a < plan.frames(); a += o.readRange) {
            const std::int64_t b = a + o.readRange - 1;
            t = Clock::now();
            auto read = need(store->skeletonFrames(plan.id, a, b), "skeletonFrames");
            readSeconds += secondsSince(t);
            checkRead(plan, a, b, read, layoutId, joints);
            readRows += static_cast<std::int64_t>(read.size());
        }
    }
    if (readRows != totalFrames) die("read back " + std::to_string(readRows) + " skeleton rows, wrote " + std::to_string(totalFrames));
    const double readRate = static_cast<double>(readRows * joints) / readSeconds;
    report.row("read back, skeletonFrames(video, a, a+" + std::to_string(o.readRange - 1) + ") over everything",
               format("%.2f s", readSeconds), "every value checked (untimed)");
    report.row("read, joint rows/s", grouped(readRate), format("%.2f of write", readRate / writeRate));
    report.number("read_s", readSeconds);
    report.number("read_joint_rows_per_s", readRate);
    report.number("read_vs_write", readRate / writeRate);

    // Random range queries.
    std::mt19937_64 random(42);
    std::vector<double> latency;
    std::int64_t queried = 0;
    for (int i = 0; i < o.queries; ++i) {
        const VideoPlan& plan = plans[std::uniform_int_distribution<size_t>(0, plans.size() - 1)(random)];
        const std::int64_t a = std::uniform_int_distribution<std::int64_t>(0, std::max<std::int64_t>(0, plan.frames() - 1))(random);
        t = Clock::now();
        auto read = need(store->skeletonFrames(plan.id, a, a + 100), "skeletonFrames");
        latency.push_back(secondsSince(t));
        checkRead(plan, a, a + 100, read, layoutId, joints);
        queried += static_cast<std::int64_t>(read.size());
    }
    const double p50 = percentile(latency, 0.5), p95 = percentile(latency, 0.95);
    report.row("random range skeletonFrames(V, a, a+100), p50 (" + std::to_string(o.queries) + " queries, mean " +
                   format("%.0f", static_cast<double>(queried) / std::max(1, o.queries)) + " rows)",
               format("%.3f ms", p50 * 1e3));
    report.row("random range skeletonFrames(V, a, a+100), p95", format("%.3f ms", p95 * 1e3), format("%.2f of p50", p95 / p50));
    report.number("range_query_p50_ms", p50 * 1e3);
    report.number("range_query_p95_ms", p95 * 1e3);

    t = Clock::now();
    const ProjectCounts c = need(store->counts(), "counts");
    const double countsSeconds = secondsSince(t);
    if (c.skeletonFrames != totalFrames || c.videos != o.videos || c.subjects != o.subjects)
        die("counts() of the skeleton project differ from what was written");
    report.row("counts() of the skeleton project", format("%.3f ms", countsSeconds * 1e3));
    report.number("skeleton_counts_ms", countsSeconds * 1e3);
    report.memory("read", "read");
}

void segments(const Options& o, const std::string& dir, Report& report) {
    const std::string path = dir + "/segments.alproj";
    auto store = need(ProjectStore::create(path), "create segments.alproj");
    need(store->setTaxonomy(need(builtinTaxonomy("penn_action"), "built-in Penn Action taxonomy")), "setTaxonomy");
    // Every per-segment task gets a value, cycling through its values.
    std::vector<const TaskDefinition*> tasks;
    for (const TaskDefinition& task : store->taxonomy().tasks)
        if (task.scope == TaskScope::Segment && !task.values.empty()) tasks.push_back(&task);
    if (tasks.empty()) die("the Penn Action taxonomy has no per-segment task");

    const std::int64_t perVideoMax = (o.segments + o.videos - 1) / o.videos;
    constexpr std::int64_t kLength = 30;  // frames per segment, back to back
    std::vector<std::int64_t> videoIds, subjectIds;
    std::vector<std::int64_t> segmentsPerVideo(static_cast<size_t>(o.videos), 0);
    const auto t0 = Clock::now();
    need(store->transaction([&]() -> Status {
             for (int s = 0; s < o.subjects; ++s)
                 subjectIds.push_back(need(store->insertSubject(Subject{0, "person " + std::to_string(s + 1), {}}), "insert subject"));
             for (int v = 0; v < o.videos; ++v) {
                 Video video;
                 video.name = "video " + std::to_string(v + 1);
                 video.fps = 30.0;
                 video.frameCount = perVideoMax * kLength;
                 video.splits = {"train"};
                 videoIds.push_back(need(store->insertVideo(video), "insert video"));
             }
             for (std::int64_t i = 0; i < o.segments; ++i) {
                 const size_t v = static_cast<size_t>(i % o.videos);
                 const std::int64_t n = segmentsPerVideo[v]++;
                 Segment segment;
                 segment.videoId = videoIds[v];
                 segment.subjectId = subjectIds[static_cast<size_t>(i % o.subjects)];
                 segment.firstFrame = n * kLength;
                 segment.lastFrame = n * kLength + kLength - 1;
                 for (size_t k = 0; k < tasks.size(); ++k)
                     segment.labels[tasks[k]->name] = tasks[k]->values[static_cast<size_t>((i / (k + 1)) % static_cast<std::int64_t>(tasks[k]->values.size()))].name;
                 segment.annotator = "store_bench";
                 need(store->insertSegment(segment), "insert segment");
             }
             return Status::success();
         }),
         "insert segments");
    const double insertSeconds = secondsSince(t0);
    store.reset();
    const std::int64_t bytes = fileSize(path);
    report.row("segments inserted (" + grouped(static_cast<double>(o.segments)) + " over " + std::to_string(o.videos) + " videos, " +
                   std::to_string(tasks.size()) + " labels each, one transaction)",
               format("%.2f s", insertSeconds), format("%.0f segments/s", o.segments / insertSeconds));
    report.row("segment project file", format("%.1f MiB", mib(bytes)));
    report.number("segments_insert_s", insertSeconds);
    report.number("segment_file_mib", mib(bytes));

    // Open three times: the first one after the write, the others with the file in the page cache
    // all the same; the median is reported.
    std::vector<double> opens;
    for (int i = 0; i < 3; ++i) {
        const auto t = Clock::now();
        store = need(ProjectStore::open(path), "open segments.alproj");
        opens.push_back(secondsSince(t));
        if (i < 2) store.reset();
    }
    const double open = percentile(opens, 0.5);
    report.row("ProjectStore::open of the segment project (integrity_check), median of 3", format("%.1f ms", open * 1e3),
               format("%.0f MiB/s", mib(bytes) / open));
    report.number("segments_open_ms", open * 1e3);

    std::mt19937_64 random(7);
    std::vector<double> latency;
    for (int i = 0; i < o.queries; ++i) {
        const size_t v = std::uniform_int_distribution<size_t>(0, videoIds.size() - 1)(random);
        const auto t = Clock::now();
        auto list = need(store->segmentsOfVideo(videoIds[v]), "segmentsOfVideo");
        latency.push_back(secondsSince(t));
        if (static_cast<std::int64_t>(list.size()) != segmentsPerVideo[v])
            die("segmentsOfVideo(" + std::to_string(videoIds[v]) + ") read " + std::to_string(list.size()) + " segments, wrote " +
                std::to_string(segmentsPerVideo[v]));
        for (size_t k = 0; k < list.size(); ++k) {
            if (list[k].firstFrame != static_cast<std::int64_t>(k) * kLength || list[k].labels.size() != tasks.size())
                die("segmentsOfVideo(" + std::to_string(videoIds[v]) + "): segment " + std::to_string(k) + " differs from the one written");
        }
    }
    const double p50 = percentile(latency, 0.5), p95 = percentile(latency, 0.95);
    report.row("segmentsOfVideo(V) p50 (" + std::to_string(o.queries) + " random videos, ~" + std::to_string(perVideoMax) + " segments each)",
               format("%.3f ms", p50 * 1e3));
    report.row("segmentsOfVideo(V) p95", format("%.3f ms", p95 * 1e3), format("%.2f of p50", p95 / p50));
    report.number("segments_of_video_p50_ms", p50 * 1e3);
    report.number("segments_of_video_p95_ms", p95 * 1e3);

    std::vector<double> countTimes;
    for (int i = 0; i < 5; ++i) {
        const auto t = Clock::now();
        const ProjectCounts c = need(store->counts(), "counts");
        countTimes.push_back(secondsSince(t));
        if (c.segments != o.segments || c.videos != o.videos || c.subjects != o.subjects)
            die("counts() of the segment project: " + std::to_string(c.segments) + " segments, wrote " + std::to_string(o.segments));
    }
    const double counts = percentile(countTimes, 0.5);
    report.row("counts() of the segment project, median of 5", format("%.3f ms", counts * 1e3));
    report.number("segments_counts_ms", counts * 1e3);
    report.memory("segments", "segments");
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die("missing value after " + a);
            return argv[++i];
        };
        if (a == "--joint-rows") o.jointRows = std::atoll(next().c_str());
        else if (a == "--videos") o.videos = std::atoi(next().c_str());
        else if (a == "--subjects") o.subjects = std::atoi(next().c_str());
        else if (a == "--segments") o.segments = std::atoll(next().c_str());
        else if (a == "--penn") o.penn = next();
        else if (a == "--penn-limit") o.pennLimit = std::atoi(next().c_str());
        else if (a == "--batch") o.batch = std::atoi(next().c_str());
        else if (a == "--read-range") o.readRange = std::atoi(next().c_str());
        else if (a == "--queries") o.queries = std::atoi(next().c_str());
        else if (a == "--json") o.json = next();
        else if (a == "--keep") o.keep = true;
        else die("unknown option " + a + " (see the comment at the top of store_bench.cpp)");
    }
    if (o.jointRows < 17 || o.videos < 1 || o.subjects < 1 || o.segments < 1 || o.pennLimit < 0 || o.batch < 1 ||
        o.readRange < 1 || o.queries < 1)
        die("bad option values");
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);  // Qt Sql's driver plugin wants one
    const Options o = parse(argc, argv);
    const std::string dir = (fs::temp_directory_path() / ("actionlens-store-bench-" + std::to_string(::getpid()))).string();
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::printf("store_bench in %s\n", dir.c_str());
    std::fflush(stdout);

    Report report;
    double importRate = 0.0;
    pennImport(o, dir, report, &importRate);
    skeletons(o, dir, report, importRate);
    segments(o, dir, report);

    std::printf("\n| measure | value | ratio / note |\n|---|---|---|\n");
    for (const auto& r : report.rows) std::printf("| %s | %s | %s |\n", r[0].c_str(), r[1].c_str(), r[2].c_str());
    if (!o.json.empty()) {
        std::ofstream out(o.json);
        out.precision(10);
        out << "{";
        for (size_t i = 0; i < report.numbers.size(); ++i)
            out << (i ? "," : "") << "\"" << report.numbers[i].first << "\":" << report.numbers[i].second;
        out << "}\n";
        if (!out) die("cannot write " + o.json);
    }
    if (o.keep) {
        std::printf("\nkept %s\n", dir.c_str());
    } else {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    return 0;
}
