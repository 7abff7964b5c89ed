#pragma once

// FormatRegistry: every import and export format by the name the CLI and the GUI use
// ("penn-action", "coco", ...). Importing runs inside one project transaction, so a failure
// leaves the project exactly as it was.

#include "core/common/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::formats {

// done out of total work items (files, rows, videos); total 0 when unknown.
using ProgressCallback = std::function<void(std::int64_t done, std::int64_t total)>;
// Asked at each progress point; true stops the work there with kCancelledMessage, so an import's
// transaction rolls back and an export's temporary file is removed.
using CancelCheck = std::function<bool()>;
inline constexpr const char* kCancelledMessage = "cancelled";

struct ImportOptions {
    ProgressCallback progress;
    CancelCheck cancelRequested;
    // Things the import skipped or doubted without failing (a listed video that is missing).
    std::function<void(const std::string& message)> warning;
    // The skeleton layout to read into where the file cannot tell (OpenPose: BODY_25 or BODY_25B
    // both have 25 points); empty: the format's default.
    std::string layout;
    // Non-empty: every person's segment the import adds is this annotator's (a colleague's
    // file becomes their layer, for agreement); a model's predictions keep theirs.
    std::string annotator;
    // The project's video that observations without a media file belong to (BORIS's LIVE
    // observations, coded on the spot): its name or file name; empty: such observations are refused.
    std::string video;
};

struct ExportOptions {
    ProgressCallback progress;
    CancelCheck cancelRequested;
    // COCO: every skeleton in its own layout (BODY_25, MediaPipe-33 ...: a category each, with
    // its keypoint names and skeleton) instead of mapped to COCO-17 where the layout names all
    // 17 COCO joints (what most COCO tools read).
    bool keepSkeletonLayouts = false;
};

// An importer's or exporter's progress point: reports done/total, then fails with
// kCancelledMessage if cancelling was asked for.
Status progressPoint(const ImportOptions& options, std::int64_t done, std::int64_t total);
Status progressPoint(const ExportOptions& options, std::int64_t done, std::int64_t total);

using ImportFunction = std::function<Status(const std::string& source, annotation::ProjectStore& store, const ImportOptions&)>;
using ExportFunction = std::function<Status(annotation::ProjectStore& store, const std::string& output, const ExportOptions&)>;

struct FormatHandler {
    std::string name;         // "penn-action"
    std::string description;  // one line for --help
    ImportFunction importer;  // empty: export only
    ExportFunction exporter;  // empty: import only
};

// All formats of this build, in a stable order (format_registry.cpp is the one place to add one).
const std::vector<FormatHandler>& formatHandlers();
const FormatHandler* findFormat(const std::string& name);

// Imports `source` with the named format in one transaction of `store`.
Status importProject(const std::string& format, const std::string& source, annotation::ProjectStore& store,
                     const ImportOptions& options = {});
// Exports through a temporary file (or folder) renamed into place, so `output` is never half-written.
Status exportProject(const std::string& format, annotation::ProjectStore& store, const std::string& output,
                     const ExportOptions& options = {});

}  // namespace actionlens::formats
