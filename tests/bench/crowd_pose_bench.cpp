// crowd_pose_bench: pose estimation and tracking on a rendered wide shot of several small people
// (core/synth/crowd_scene.h), whose exact skeletons are known, for each person detector side by
// side in one run: the share of people found per frame (by height class), stray poses, identity
// switches, person numbers used, and frames per second (pose estimation only, not rendering).
//
//   crowd_pose_bench [--size 1280x720] [--people 6] [--frames 100] [--heights 60-160]
//                    [--detectors blazepose,blazepose:tiles2,hog] [--model full] [--threads 1]
//                    [--seed 1] [--json out.json] [--picture FRAME out.png]
//
// A detector is blazepose or hog, optionally ":tilesN" (detection on N x N tiles) and ":nolink"
// (no track linking: a person lost and found again gets a new number). Exit 77
// (skipped) when the pose models are not installed. Asserts no time.

#include "core/media/image_io.h"
#include "core/pose/people_tracker.h"
#include "core/pose/tflite_graph.h"
#include "core/pose/tracking_evaluation.h"
#include "core/synth/crowd_scene.h"
#include "core/synth/motion_library.h"
#include "tests/bench/bench_failure.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QString>
#include <QStringList>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace actionlens;

namespace {

struct Variant {
    std::string name;
    pose::PersonDetector detector = pose::PersonDetector::BlazePose;
    int tiles = 1;
    bool linking = true;  // false: a person lost is never linked again (every loss a new number)
};

Variant parseVariant(const std::string& text) {
    Variant v;
    v.name = text;
    const QStringList parts = QString::fromStdString(text).split(QLatin1Char(':'));
    if (!pose::personDetectorFromName(parts[0].toStdString(), &v.detector)) bench::die("unknown detector '" + parts[0].toStdString() + "'");
    for (int i = 1; i < parts.size(); ++i) {
        if (parts[i] == QLatin1String("nolink")) {
            v.linking = false;
        } else if (parts[i].startsWith(QLatin1String("tiles"))) {
            v.tiles = parts[i].mid(5).toInt();
            if (v.tiles < 1 || v.tiles > 6) bench::die("tiles must be 1-6 in '" + text + "'");
        } else {
            bench::die("expected DETECTOR[:tilesN][:nolink], got '" + text + "'");
        }
    }
    return v;
}

std::vector<pose::PersonExtent> knownPeople(const synth::CrowdScene& scene, int frame) {
    std::vector<pose::PersonExtent> out;
    for (std::size_t p = 0; p < scene.people.size(); ++p) {
        std::vector<std::pair<double, double>> points;
        for (const synth::Point2& j : scene.people[p].poses[std::size_t(frame)]) points.emplace_back(j.x, j.y);
        pose::PersonExtent e;
        e.id = int(p) + 1;
        if (pose::extentOf(points, &e)) out.push_back(e);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    synth::CrowdSceneOptions scene;
    std::string detectors = "blazepose,blazepose:tiles2,hog", model = "full", json, picturePath;
    int pictureFrame = -1;
    int threads = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) bench::die(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--size") {
            if (std::sscanf(value().c_str(), "%dx%d", &scene.width, &scene.height) != 2) bench::die("--size WxH");
        } else if (arg == "--people") {
            scene.people = std::atoi(value().c_str());
        } else if (arg == "--frames") {
            scene.frames = std::atoi(value().c_str());
        } else if (arg == "--heights") {
            if (std::sscanf(value().c_str(), "%lf-%lf", &scene.minPersonHeight, &scene.maxPersonHeight) != 2) bench::die("--heights MIN-MAX");
        } else if (arg == "--detectors") {
            detectors = value();
        } else if (arg == "--model") {
            model = value();
        } else if (arg == "--threads") {
            threads = std::atoi(value().c_str());
        } else if (arg == "--seed") {
            scene.seed = std::uint32_t(std::strtoul(value().c_str(), nullptr, 10));
        } else if (arg == "--json") {
            json = value();
        } else if (arg == "--picture") {
            pictureFrame = std::atoi(value().c_str());
            picturePath = value();
        } else {
            bench::die("unknown argument " + arg);
        }
    }
    pose::PoseEstimatorOptions base;
    if (!pose::parseLandmarkModel(model, &base.model)) bench::die("--model must be lite, full or heavy");
    if (Status s = pose::checkPoseModelsInstalled(base.modelDirectory, base.model); !s.ok()) {
        std::fprintf(stderr, "crowd_pose_bench: skipped: %s\n", s.error().c_str());
        return 77;
    }
    if (threads > 0) pose::setInferenceThreads(threads);
    const auto library = bench::need(synth::builtInMotions(scene.fps), "motion library");
    const synth::CrowdScene crowd = bench::need(synth::planCrowdScene(library, scene), "crowd scene");
    // Rendered once, the same pictures for every detector.
    std::vector<media::VideoFrame> pictures(std::size_t(scene.frames));
    {
        synth::SceneRenderer renderer(scene.width, scene.height, scene.seed);
        synth::LimbMask mask;
        for (int f = 0; f < scene.frames; ++f) synth::renderCrowdFrame(crowd, renderer, f, pictures[std::size_t(f)], mask);
    }
    if (pictureFrame >= 0 && pictureFrame < scene.frames)
        bench::need(media::saveFrameImage(pictures[std::size_t(pictureFrame)], picturePath), "saving " + picturePath);
    std::printf("crowd: %dx%d, %d people %.0f-%.0f px tall, %d frames at %.0f fps, seed %u, model %s, %d thread(s)\n", scene.width,
                scene.height, scene.people, scene.minPersonHeight, scene.maxPersonHeight, scene.frames, scene.fps, scene.seed,
                model.c_str(), threads);
    std::printf("%-20s %8s %6s %6s %9s %8s %7s  found by height (px)\n", "detector", "found", "share", "stray", "switches",
                "numbers", "fps");
    QJsonArray results;
    for (const QString& text : QString::fromStdString(detectors).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const Variant variant = parseVariant(text.toStdString());
        pose::PoseEstimatorOptions options = base;
        options.detector = variant.detector;
        options.detectionTiles = variant.tiles;
        auto estimator = bench::need(pose::PoseEstimator::create(options), "pose estimator");
        pose::PeopleTrackerOptions tracking;
        tracking.maxPeople = scene.people + 2;
        if (!variant.linking) tracking.linking.rememberSeconds = -1;
        pose::PeopleTracker tracker(estimator, tracking);
        pose::TrackingScorer scorer;
        double seconds = 0;
        for (int f = 0; f < scene.frames; ++f) {
            const media::VideoFrame& picture = pictures[std::size_t(f)];
            const pose::RgbImageView view{picture.rgb.data(), picture.width, picture.height, picture.stride};
            const auto start = std::chrono::steady_clock::now();
            auto tracked = bench::need(tracker.next(view, f / scene.fps), "tracking frame " + std::to_string(f));
            seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            scorer.addFrame(knownPeople(crowd, f), pose::trackedExtents(tracked.people));
        }
        const pose::TrackingScore& s = scorer.score();
        std::string byHeight;
        QJsonObject heights;
        for (const auto& [cls, counts] : s.foundByHeight) {
            byHeight += " " + std::to_string(cls) + ":" + std::to_string(counts.first) + "/" + std::to_string(counts.second);
            heights.insert(QString::number(cls), QJsonArray{counts.first, counts.second});
        }
        std::printf("%-20s %4d/%-4d %6.2f %6d %9d %8d %7.2f %s\n", variant.name.c_str(), s.found, s.people, s.foundShare(), s.strayPoses,
                    s.identitySwitches, s.numbersUsed, scene.frames / seconds, byHeight.c_str());
        results.append(QJsonObject{{"detector", text},
                                   {"found", s.found},
                                   {"people", s.people},
                                   {"found_share", s.foundShare()},
                                   {"stray_poses", s.strayPoses},
                                   {"identity_switches", s.identitySwitches},
                                   {"person_numbers", s.numbersUsed},
                                   {"true_people", scene.people},
                                   {"frames_per_second", scene.frames / seconds},
                                   {"found_by_height", heights}});
    }
    if (!json.empty()) {
        QSaveFile file(QString::fromStdString(json));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(results).toJson()) < 0 || !file.commit())
            bench::die(json + ": cannot write");
    }
    return 0;
}
