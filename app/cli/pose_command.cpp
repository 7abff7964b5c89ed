// actionlens-cli pose INPUT [--model lite|full|heavy] [--min-score 0.5] [--detector blazepose|hog|both] [--tiles N] [-o out.json]
//                          [-p PROJECT --video ID [--layout NAME] [--subject ID]]
// BlazePose landmarks of an image or a video: as JSON, or as skeleton frames of a project.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/progress_line.h"
#include "core/annotation/project_store.h"
#include "core/media/frame_source.h"
#include "core/pose/pose_estimator.h"
#include "core/pose/pose_skeleton_frames.h"
#include "core/pose/pose_video_job.h"
#include "core/pose/tflite_graph.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <climits>
#include <cmath>
#include <cstdio>

namespace actionlens::cli {

namespace {

bool isImageFile(const QString& path) {
    static const QStringList extensions = {QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("bmp"),
                                           QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("webp")};
    const QFileInfo info(path);
    return info.isFile() && extensions.contains(info.suffix().toLower());
}

QJsonArray rounded(std::initializer_list<double> values, int decimals) {
    QJsonArray array;
    const double scale = std::pow(10.0, decimals);
    for (double v : values) array.append(std::round(v * scale) / scale);
    return array;
}

QJsonObject frameJson(const pose::FramePose& f) {
    QJsonObject object;
    object[QStringLiteral("frame")] = f.frame;
    object[QStringLiteral("time")] = f.seconds;
    QJsonArray persons;
    for (const pose::PersonPose& p : f.people) {
        QJsonObject person;
        person[QStringLiteral("person")] = p.person;
        person[QStringLiteral("presence")] = std::round(p.estimate.poseFlag * 1e4) / 1e4;
        person[QStringLiteral("detected")] = p.estimate.detection.has_value();  // false: tracked from the previous frame
        if (p.estimate.detection) person[QStringLiteral("detection_score")] = std::round(p.estimate.detection->score * 1e4) / 1e4;
        if (p.box) {  // a people detector's box of the whole person (detector's own, or carried with the pose)
            person[QStringLiteral("box")] = rounded({p.box->x, p.box->y, p.box->width, p.box->height}, 1);
            person[QStringLiteral("box_detected")] = p.box->detected;
        }
        QJsonArray landmarks;
        for (const pose::PoseLandmark& l : p.estimate.landmarks) landmarks.append(rounded({l.x, l.y, l.z, l.visibility}, 3));
        person[QStringLiteral("landmarks")] = landmarks;
        persons.append(person);
    }
    object[QStringLiteral("persons")] = persons;
    return object;
}

Status writeJson(const QString& path, const QJsonObject& root) {
    const QByteArray bytes = QJsonDocument(root).toJson(QJsonDocument::Compact) + '\n';
    if (path.isEmpty() || path == QLatin1String("-")) {
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        return Status::success();
    }
    QSaveFile file(path);  // temporary file renamed into place on commit: never half-written
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError(path.toStdString() + ": cannot write (" + file.errorString().toStdString() + ")");
    }
    return Status::success();
}

int runPose(const QStringList& arguments) {
    const QString name = QStringLiteral("pose");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("input"),
                                 QStringLiteral("Image file, video file, or folder of images (with -p and --video: the project's file "
                                                "when left out)."),
                                 QStringLiteral("[INPUT]"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Landmark model: lite, full (default) or heavy."),
                                   QStringLiteral("name"), QStringLiteral("full"));
    const QCommandLineOption minScore(QStringLiteral("min-score"),
                                      QStringLiteral("Lowest detector score (0-1) that counts as a person (default 0.5)."),
                                      QStringLiteral("s"), QStringLiteral("0.5"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("JSON file to write (default: standard output, unless -p is given)."),
                                    QStringLiteral("file"));
    const QCommandLineOption project(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                                     QStringLiteral("Project (.alproj) to store the skeletons in (with --video)."), QStringLiteral("project"));
    const QCommandLineOption video(QStringLiteral("video"),
                                   QStringLiteral("Id of the project's video that INPUT is (INPUT may then be left out: the "
                                                  "project's file for that video)."),
                                   QStringLiteral("id"));
    const QCommandLineOption layoutOption(QStringLiteral("layout"),
                                          QStringLiteral("Skeleton layout to store: MediaPipe-33 (default), COCO-17, Penn-13 or BODY_25."),
                                          QStringLiteral("name"), QStringLiteral("MediaPipe-33"));
    const QCommandLineOption subject(QStringLiteral("subject"),
                                     QStringLiteral("Subject id the skeletons belong to (default: a new subject)."), QStringLiteral("id"));
    const QCommandLineOption threads(QStringLiteral("threads"), QStringLiteral("CPU threads for the networks (default: LibTorch's choice)."),
                                     QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption device(QStringLiteral("device"),
                                    QStringLiteral("Where the networks run: auto (CUDA when available; the default), cpu, cuda or cuda:N."),
                                    QStringLiteral("name"), QStringLiteral("auto"));
    const QCommandLineOption people(QStringLiteral("people"),
                                    QStringLiteral("Most people to find per frame (default 1, BlazePose's own graph). Above 1, each "
                                                   "person is tracked on its own and stored as a subject of its own."),
                                    QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption noSmoothing(QStringLiteral("no-smoothing"), QStringLiteral("Video: report raw landmarks, without the One Euro filter."));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frame rate of an image folder (default 25)."),
                                 QStringLiteral("rate"), QStringLiteral("25"));
    const QCommandLineOption detector(QStringLiteral("detector"),
                                      QStringLiteral("Who finds the people: blazepose (default; close-ups, one person filling much "
                                                     "of the frame) or hog (OpenCV's people detector: small and many people, street "
                                                     "and wide shots; upright people) or both (people near and far; as slow as "
                                                     "both together)."),
                                      QStringLiteral("name"), QStringLiteral("blazepose"));
    const QCommandLineOption upscale(QStringLiteral("upscale"),
                                     QStringLiteral("With --detector hog or both: enlarge the frame by this factor before detecting (default "
                                                    "2: people down to about 48 pixels tall)."),
                                     QStringLiteral("factor"), QStringLiteral("2"));
    const QCommandLineOption tiles(QStringLiteral("tiles"),
                                   QStringLiteral("BlazePose's detector (blazepose or both) reads the frame cut into N x N "
                                                  "overlapping tiles: small people at N times the resolution, at N x N times the "
                                                  "detector's time (default 1, the whole frame; at most 4; both --tiles 2 suits wide "
                                                  "shots with people near and far). HOG always reads the whole frame."),
                                   QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption minTrackFrames(QStringLiteral("min-track-frames"),
                                            QStringLiteral("Video with --people above 1: people found on fewer frames are dropped as "
                                                           "fleeting, the rest numbered 1, 2, ... (default 3; 1 keeps everyone)."),
                                            QStringLiteral("n"), QStringLiteral("3"));
    for (const auto& option : {model, minScore, output, project, video, layoutOption, subject, threads, device, people, noSmoothing, fps,
                               detector, upscale, tiles, minTrackFrames}) {
        parser.addOption(option);
    }
    if (auto stop = parseCommandLine(
            parser, name,
            QStringLiteral("Estimates body poses with BlazePose (33 landmarks; one person per frame, or up to --people). On "
                           "video each person is tracked, the detector runs only when needed and landmarks are smoothed over "
                           "time. Writes JSON (per frame, per person, 33 x [x, y, z, visibility] in image pixels) or, with -p "
                           "and --video, stores skeleton frames (source 'model', visibility as confidence) in one transaction, "
                           "a subject per person. INPUT: an image, a video or a folder of images; with -p and --video it may "
                           "be left out. Needs the models: packaging/install-pose-models.sh."),
            arguments, -1)) {
        return *stop;
    }
    if (parser.positionalArguments().size() > 1) return usageError(name, QStringLiteral("expected one INPUT, got %1").arg(parser.positionalArguments().size()));
    if (parser.positionalArguments().isEmpty() && !(parser.isSet(project) && parser.isSet(video)))
        return usageError(name, QStringLiteral("give INPUT (an image, video or image folder), or -p PROJECT --video ID"));
    QString input = parser.positionalArguments().value(0);
    pose::PoseEstimatorOptions options;
    if (!pose::parseLandmarkModel(parser.value(model).toStdString(), &options.model)) {
        return usageError(name, QStringLiteral("--model must be lite, full or heavy, got '%1'").arg(parser.value(model)));
    }
    bool scoreOk = false;
    options.minDetectionScore = parser.value(minScore).toFloat(&scoreOk);
    if (!scoreOk || options.minDetectionScore < 0.0f || options.minDetectionScore >= 1.0f) {
        return usageError(name, QStringLiteral("--min-score must be a number from 0 to below 1, got '%1'").arg(parser.value(minScore)));
    }
    const auto threadCount = parseInteger(name, QStringLiteral("--threads"), parser.value(threads), 0, 256);
    const auto rate = parsePositive(name, QStringLiteral("--fps"), parser.value(fps));
    const auto maxPeople = parseInteger(name, QStringLiteral("--people"), parser.value(people), 1, 20);
    const auto tileCount = parseInteger(name, QStringLiteral("--tiles"), parser.value(tiles), 1, 4);
    const auto fewestFrames = parseInteger(name, QStringLiteral("--min-track-frames"), parser.value(minTrackFrames), 1, 1000000);
    if (!threadCount || !rate || !maxPeople || !tileCount || !fewestFrames) return kExitUsage;
    options.detectionTiles = *tileCount;
    options.device = parser.value(device).toStdString();
    if (options.device == "auto") options.device = pose::cudaAvailable() ? "cuda" : "cpu";
    options.smoothing = !parser.isSet(noSmoothing);
    if (!pose::personDetectorFromName(parser.value(detector).toStdString(), &options.detector))
        return usageError(name, QStringLiteral("--detector must be blazepose, hog or both, got '%1'").arg(parser.value(detector)));
    bool upscaleOk = false;
    options.hog.upscale = parser.value(upscale).toDouble(&upscaleOk);
    if (!upscaleOk || options.hog.upscale < 0.5 || options.hog.upscale > 4.0)
        return usageError(name, QStringLiteral("--upscale must be a number from 0.5 to 4, got '%1'").arg(parser.value(upscale)));
    if (options.detector != pose::PersonDetector::BlazePose) options.hog.minScore = options.minDetectionScore;
    if (parser.isSet(project) != parser.isSet(video)) return usageError(name, QStringLiteral("-p PROJECT and --video ID go together"));
    if (parser.isSet(project) && parser.isSet(output)) return usageError(name, QStringLiteral("give either -o or -p, not both"));
    std::optional<std::int64_t> videoId, subjectId;
    if (parser.isSet(video)) {
        const auto id = parseInteger(name, QStringLiteral("--video"), parser.value(video), 1, INT_MAX);
        if (!id) return kExitUsage;
        videoId = *id;
    }
    if (parser.isSet(subject)) {
        if (!parser.isSet(project)) return usageError(name, QStringLiteral("--subject needs -p PROJECT"));
        if (*maxPeople > 1) return usageError(name, QStringLiteral("--subject takes one person's poses: leave it out with --people above 1"));
        const auto id = parseInteger(name, QStringLiteral("--subject"), parser.value(subject), 1, INT_MAX);
        if (!id) return kExitUsage;
        subjectId = *id;
    }

    // The project first: a wrong id or layout should not cost a whole video's inference.
    std::unique_ptr<annotation::ProjectStore> store;
    std::optional<annotation::SkeletonLayout> layout;  // a copy: the store reloads its own list on writes
    if (parser.isSet(project)) {
        auto opened = annotation::ProjectStore::open(parser.value(project).toStdString());
        if (!opened.ok()) return fail(opened.error());
        store = std::move(opened).value();
        const annotation::SkeletonLayout* named = store->skeletonLayout(parser.value(layoutOption).toStdString());
        if (named) layout = *named;
        if (!layout) return usageError(name, QStringLiteral("the project has no skeleton layout '%1'").arg(parser.value(layoutOption)));
        auto v = store->video(*videoId);
        if (!v.ok()) return fail(v.error());
        if (input.isEmpty()) {
            if (v->path.empty()) return fail(QStringLiteral("video %1 of the project has no video file (it holds skeletons only)").arg(*videoId));
            input = QString::fromStdString(v->path);
        }
    }

    if (*threadCount > 0) pose::setInferenceThreads(*threadCount);
    auto estimator = pose::PoseEstimator::create(options);
    if (!estimator.ok()) return fail(estimator.error());

    Result<pose::PoseVideoResult> result = makeError("no input");
    if (isImageFile(input)) {
        result = pose::estimatePosesInImage(estimator.value(), input.toStdString(), *maxPeople);
    } else {
        if (store) {
            // The input must be the project's video, or the skeletons would not line up.
            media::OpenOptions openOptions;
            openOptions.imageSequenceFps = *rate;
            auto source = media::openFrameSource(input.toStdString(), openOptions);
            if (!source.ok()) return fail(source.error());
            const media::VideoInfo& info = source.value()->info();
            const annotation::Video v = store->video(*videoId).value();
            if ((v.frameCount > 0 && v.frameCount != info.frameCount) || (v.width > 0 && (v.width != info.width || v.height != info.height))) {
                return fail(QStringLiteral("%1 (%2 frames, %3x%4) is not the project's video %5 (%6 frames, %7x%8)")
                                .arg(input).arg(info.frameCount).arg(info.width).arg(info.height).arg(*videoId)
                                .arg(v.frameCount).arg(v.width).arg(v.height));
            }
        }
        ProgressLine progress(QStringLiteral("estimating poses"));
        pose::PoseVideoCallbacks callbacks;
        callbacks.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
        pose::PeopleTrackerOptions tracking;
        tracking.maxPeople = *maxPeople;
        tracking.minTrackFrames = *fewestFrames;
        result = pose::estimatePosesInVideo(estimator.value(), input.toStdString(), *rate, callbacks, tracking);
        if (result.ok()) {
            progress.finish();
        } else {
            progress.interrupt();
        }
    }
    if (!result.ok()) return fail(result.error());
    const std::vector<pose::FramePose>& frames = result->frames;
    const int withPose = result->framesWithPose();
    if (result->fleetingPeople > 0)
        std::fprintf(stderr, "pose: %d fleeting %s dropped (found on fewer than %lld frames; --min-track-frames 1 keeps them)\n",
                     result->fleetingPeople, result->fleetingPeople == 1 ? "person" : "people", static_cast<long long>(*fewestFrames));

    if (store) {
        auto stored = pose::storePoseSkeletons(*store, *videoId, *layout, subjectId, pose::poseSubjectName(*videoId, parser.value(model).toStdString()),
                                               frames);
        if (!stored.ok()) return fail(stored.error());
        std::string subjects;
        for (const pose::StoredPerson& p : stored->people) {
            subjects += subjects.empty() ? ", " : "; ";
            if (stored->people.size() > 1) subjects += "person " + std::to_string(p.person) + ": ";
            subjects += "subject " + std::to_string(p.subjectId);
            if (stored->people.size() > 1) subjects += " (" + std::to_string(p.frames) + " frames)";
        }
        if (stored->people.empty()) subjects = ", no subject (nobody was found)";
        std::fprintf(stderr, "pose: %d of %zu frames with a pose; stored %d skeleton frames (%s) for video %lld%s\n", withPose,
                     frames.size(), stored->frames(), layout->name.c_str(), static_cast<long long>(*videoId), subjects.c_str());
        return kExitSuccess;
    }

    QJsonObject root;
    root[QStringLiteral("input")] = input;
    root[QStringLiteral("model")] = QStringLiteral("BlazePose %1").arg(parser.value(model));
    root[QStringLiteral("device")] = QString::fromStdString(options.device);
    root[QStringLiteral("detector")] = QLatin1String(pose::personDetectorName(options.detector));
    root[QStringLiteral("width")] = result->width;
    root[QStringLiteral("height")] = result->height;
    QJsonArray names;
    for (const char* n : pose::poseLandmarkNames()) names.append(QString::fromLatin1(n));
    root[QStringLiteral("landmark_names")] = names;
    root[QStringLiteral("landmark_values")] = QStringLiteral("x, y, z, visibility: image pixels (z on the x scale, negative towards the camera), visibility 0-1");
    QJsonArray frameArray;
    for (const pose::FramePose& f : frames) frameArray.append(frameJson(f));
    root[QStringLiteral("frames")] = frameArray;
    if (Status s = writeJson(parser.value(output), root); !s.ok()) return fail(s.error());
    const std::size_t peopleFound = result->people().size();
    if (*maxPeople > 1) {
        std::fprintf(stderr, "pose: %d of %zu frames with a pose; %zu %s\n", withPose, frames.size(), peopleFound,
                     peopleFound == 1 ? "person" : "people");
    } else {
        std::fprintf(stderr, "pose: %d of %zu frames with a pose\n", withPose, frames.size());
    }
    return kExitSuccess;
}

}  // namespace

void registerPoseCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("pose"), QStringLiteral("Estimate body poses (BlazePose) of an image or video, as JSON or into a project"), runPose});
}

}  // namespace actionlens::cli
