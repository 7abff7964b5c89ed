#include "core/formats/format_registry.h"

#include "core/annotation/project_store.h"
#include "core/formats/activitynet_json.h"
#include "core/formats/ava_csv.h"
#include "core/formats/boris_project.h"
#include "core/formats/coco_keypoints.h"
#include "core/formats/cvat_video.h"
#include "core/formats/elan_eaf.h"
#include "core/formats/openpose_json.h"
#include "core/formats/native_json.h"
#include "core/formats/ntu_rgbd.h"
#include "core/formats/segments_csv.h"
#include "core/formats/dataset_import.h"
#include "core/formats/penn_action_import.h"

#include <cstdio>
#include <filesystem>
#include <system_error>

namespace actionlens::formats {

const std::vector<FormatHandler>& formatHandlers() {
    static const std::vector<FormatHandler> handlers = [] {
        std::vector<FormatHandler> all;
        // One line per format; keep them in the order `actionlens-cli import --help` lists them.
        all.push_back({"coco", "COCO keypoints JSON (persons per image/frame; PoseTrack track ids)", importCocoKeypoints, exportCocoKeypoints});
        all.push_back({"openpose", "OpenPose JSON folder (*_keypoints.json per frame, BODY_25 or COCO-18)", importOpenPoseJson, nullptr});
        all.push_back({"native", "ActionLens project JSON (lossless)", importNativeJson, exportNativeJson});
        all.push_back({"segments-csv", "Segments as CSV, one row per segment (frames, a column per task, annotator, review)",
                       importSegmentsCsv, exportSegmentsCsv});
        all.push_back({"elan", "ELAN .eaf files (a file or folder, one per video): a tier per subject, reference tiers for other tasks",
                       importElan, exportElan});
        all.push_back({"cvat-video", "CVAT for video 1.1 XML (a file or folder, one per video): box tracks' attributes as segments, skeleton tracks",
                       importCvatVideo, exportCvatVideo});
        all.push_back({"boris", "BORIS project (.boris, format 7+): an observation per video, state events as segments, point events as one frame",
                       importBoris, exportBoris});
        all.push_back({"activitynet", "ActivityNet JSON (database of videos: subset, segments in seconds, action labels)",
                       importActivityNet, exportActivityNet});
        all.push_back({"ava", "AVA actions CSV (keyframes 1 s apart, normalised person boxes, action ids; actions.pbtxt beside it)",
                       importAva, exportAva});
        all.push_back({"ntu-rgbd", "NTU RGB+D (60/120) .skeleton files (a file or folder): bodies, whole-clip action segments, benchmark splits",
                       importNtuRgbd, nullptr});
        all.push_back({"penn-action", "Penn Action label files (.mat), with frames/ beside labels/ when present",
                       importPennAction, nullptr});
        all.push_back({"ucf101", "UCF101 list files (classInd, trainlist/testlist) and clips", importUcf101, nullptr});
        all.push_back({"hmdb51", "HMDB51 split files and clips", importHmdb51, nullptr});
        all.push_back({"kinetics", "Kinetics CSV files (label, youtube_id, time_start, time_end, split) and clips",
                       importKinetics, nullptr});
        return all;
    }();
    return handlers;
}

const FormatHandler* findFormat(const std::string& name) {
    for (const FormatHandler& handler : formatHandlers()) {
        if (handler.name == name) return &handler;
    }
    return nullptr;
}

namespace {
Status progressAndCancel(const ProgressCallback& progress, const CancelCheck& cancelRequested, std::int64_t done,
                         std::int64_t total) {
    if (progress) progress(done, total);
    if (cancelRequested && cancelRequested()) return makeError(kCancelledMessage);
    return Status::success();
}

bool cancelled(const CancelCheck& cancelRequested) { return cancelRequested && cancelRequested(); }

std::string formatNames(bool forImport) {
    std::string names;
    for (const FormatHandler& handler : formatHandlers()) {
        if (forImport ? !handler.importer : !handler.exporter) continue;
        names += (names.empty() ? "" : ", ") + handler.name;
    }
    return names;
}
}  // namespace

Status progressPoint(const ImportOptions& options, std::int64_t done, std::int64_t total) {
    return progressAndCancel(options.progress, options.cancelRequested, done, total);
}

Status progressPoint(const ExportOptions& options, std::int64_t done, std::int64_t total) {
    return progressAndCancel(options.progress, options.cancelRequested, done, total);
}

Status importProject(const std::string& format, const std::string& source, annotation::ProjectStore& store,
                     const ImportOptions& options) {
    const FormatHandler* handler = findFormat(format);
    if (!handler || !handler->importer) {
        return makeError("unknown import format '" + format + "' (known: " + formatNames(true) + ")");
    }
    std::error_code ec;
    if (!std::filesystem::exists(source, ec)) return makeError("'" + source + "' does not exist");
    if (cancelled(options.cancelRequested)) return makeError(kCancelledMessage);
    return store.transaction([&]() -> Status {
        auto before = store.lastSegmentId();
        if (!before) return before.takeError();
        Status imported = handler->importer(source, store, options);
        if (imported.ok() && !options.annotator.empty())
            if (auto layered = store.setAnnotatorOfSegmentsAfter(before.value(), options.annotator); !layered) return layered.takeError();
        // A cancel that came after the importer's last progress point still undoes it all.
        if (imported.ok() && cancelled(options.cancelRequested)) return makeError(kCancelledMessage);
        return imported;
    });
}

Status exportProject(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                     const ExportOptions& options) {
    const FormatHandler* handler = findFormat(format);
    if (!handler || !handler->exporter) {
        return makeError("unknown export format '" + format + "' (known: " + formatNames(false) + ")");
    }
    if (cancelled(options.cancelRequested)) return makeError(kCancelledMessage);
    const std::string temporary = output + ".part";
    Status written = handler->exporter(store, temporary, options);
    if (written.ok() && cancelled(options.cancelRequested)) written = makeError(kCancelledMessage);
    // remove_all: a format may write a folder (ELAN, one file per video).
    std::error_code ec;
    if (!written.ok()) {
        std::filesystem::remove_all(temporary, ec);
        return written;
    }
    std::filesystem::rename(temporary, output, ec);
    if (ec) {
        std::filesystem::remove_all(temporary, ec);
        return makeError("cannot move the export into '" + output + "': " + ec.message());
    }
    return Status::success();
}

}  // namespace actionlens::formats
