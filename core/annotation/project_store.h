#pragma once

// ProjectStore: one open project file (.alproj, SQLite through Qt Sql). Opening takes the
// project's lock, checks the file's integrity, switches it to WAL and upgrades an older
// schema. The API is shaped for undo: every mutation is one transaction and returns what
// undoing it needs (the new id, the removed value, the previous value), so an undo command
// only stores that result and calls the inverse.

#include "core/annotation/frame_source.h"
#include "core/annotation/segment.h"
#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/annotation/subject.h"
#include "core/annotation/taxonomy.h"
#include "core/annotation/taxonomy_change.h"
#include "core/annotation/training_run.h"
#include "core/annotation/video.h"
#include "core/annotation/video_progress.h"
#include "core/common/result.h"

#include <QSqlDatabase>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::annotation {

class ProjectLock;
class SqlStatements;

struct ProjectCounts {
    std::int64_t videos = 0;
    std::int64_t subjects = 0;
    std::int64_t segments = 0;
    std::int64_t skeletonFrames = 0;
};

// What belongs to a set of subjects: their segments (a model's predictions too), the videos those
// lie in, and their skeleton frames.
struct SubjectsReach {
    std::int64_t segments = 0;
    std::int64_t videos = 0;
    std::int64_t skeletonFrames = 0;
};

struct SplitCounts {
    std::string split;
    std::int64_t videos = 0;
    std::int64_t segments = 0;
    std::int64_t skeletonFrames = 0;
};

class ProjectStore {
public:
    // Fails if `path` exists.
    static Result<std::unique_ptr<ProjectStore>> create(const std::string& path);
    // Fails if `path` is missing, locked by another process, not a project, damaged, or
    // written by a newer ActionLens.
    static Result<std::unique_ptr<ProjectStore>> open(const std::string& path);
    // A reader beside the one writer (SQLite's WAL lets readers in while another process, such
    // as the window, holds the project's lock and writes): takes no lock, and every write fails.
    // Sees the project as it was committed when each read began. Fails as open() does, except
    // for the lock, and for a file of an older schema (which only a writer can upgrade).
    static Result<std::unique_ptr<ProjectStore>> openReadOnly(const std::string& path);
    bool isReadOnly() const { return readOnly_; }
    // For commands that only read: a reader (openReadOnly) beside whoever writes; a project that
    // no process has open and that only a writer can read (an older schema) is opened as its
    // writer instead, which upgrades it. The reader's error when neither works.
    static Result<std::unique_ptr<ProjectStore>> openToRead(const std::string& path);
    ~ProjectStore();
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;

    const std::string& path() const { return path_; }
    Result<int> schemaVersion();  // PRAGMA user_version of the file
    Result<std::string> journalMode();

    // Runs `body` as one transaction: if it fails, everything it did is rolled back (the
    // importers' path: nothing half-imported). Mutations inside join it; nesting is allowed.
    Status transaction(const std::function<Status()>& body);

    Result<ProjectCounts> counts();

    // Project-wide key/value entries (project_info): empty when the key is absent.
    Result<std::string> infoValue(const std::string& key);
    Status setInfoValue(const std::string& key, const std::string& value);

    // Videos. A path inside the project folder is stored relative to it; an empty path is a
    // skeleton-only record. Split membership is written and read with the video.
    Result<std::int64_t> insertVideo(const Video& video);  // id 0: a new id
    // Refused while segments or skeletons refer to the video (undo of adding it).
    Result<Video> removeVideo(std::int64_t id);
    Result<Video> video(std::int64_t id);
    Result<std::vector<Video>> videos();
    // Replaces the video's split membership; returns the previous one.
    Result<std::vector<std::string>> setVideoSplits(std::int64_t videoId, const std::vector<std::string>& splits);
    // Points the video at another file (relinking a moved video); returns the previous path.
    // Only the path changes: the frames, size and content hash describe the same recording.
    Result<std::string> setVideoPath(std::int64_t videoId, const std::string& path);
    // Replaces the annotators the video is assigned to; returns the previous ones.
    Result<std::vector<std::string>> setVideoAnnotators(std::int64_t videoId, const std::vector<std::string>& annotators);
    // Per split: videos in it, and the segments and skeleton frames of those videos.
    Result<std::vector<SplitCounts>> splitCounts();

    // Subjects. Attribute values must be per-subject tasks of the taxonomy.
    Result<std::int64_t> insertSubject(const Subject& subject);  // id 0: a new id
    Result<Subject> updateSubject(const Subject& subject);        // returns the previous value
    // Refused while segments or skeletons refer to the subject (undo could not restore them).
    Result<Subject> removeSubject(std::int64_t id);
    Result<std::vector<Subject>> subjects();
    Result<SubjectsReach> reachOfSubjects(const std::vector<std::int64_t>& subjectIds);

    // Taxonomy. Refused if a segment label or subject attribute in the project would no longer
    // be valid under the new one.
    const Taxonomy& taxonomy() const { return taxonomy_; }
    Result<Taxonomy> setTaxonomy(const Taxonomy& taxonomy);  // returns the previous one
    // Replaces the taxonomy and rewrites the labels in use (renames, relabels, clears) in one
    // transaction; refused, changing nothing, if a label would then not fit. Returns the exact
    // rows it changed, for revert (undo) and replay (redo), which write them back as they were.
    Result<AppliedTaxonomyChange> changeTaxonomy(const Taxonomy& after, const std::vector<LabelRewrite>& rewrites);
    Status revertTaxonomyChange(const AppliedTaxonomyChange& change);
    Status replayTaxonomyChange(const AppliedTaxonomyChange& change);
    // How many segments and subjects carry each label.
    Result<std::vector<LabelUsage>> labelUsage();

    // Segments. Labels must be per-segment tasks of the taxonomy.
    // id 0: a new id; otherwise re-inserts a removed segment with its id (undo of remove).
    // Zero created/modified times become "now".
    Result<std::int64_t> insertSegment(const Segment& segment);
    // Stores `segment` (found by its id) with its modified time set to now; returns the old one.
    Result<Segment> updateSegment(const Segment& segment);
    Result<Segment> removeSegment(std::int64_t id);
    Result<Segment> segment(std::int64_t id);
    // Ordered by first frame.
    Result<std::vector<Segment>> segmentsOfVideo(std::int64_t videoId);
    // The highest segment id so far (0: none): what an import added lies above it.
    Result<std::int64_t> lastSegmentId();
    // People's segments (not a model's predictions) with an id above `afterId` get `annotator`:
    // an import put in one annotator's layer. Returns how many.
    Result<std::int64_t> setAnnotatorOfSegmentsAfter(std::int64_t afterId, const std::string& annotator);

    // Skeleton layouts: the built-in ones are in every project; custom ones can be added.
    // Layouts live as long as the store: adding one, or rolling back a transaction that added
    // one, leaves references to the others valid.
    const std::deque<SkeletonLayout>& skeletonLayouts() const { return layouts_; }
    const SkeletonLayout* skeletonLayout(const std::string& name) const;
    Result<std::int64_t> insertSkeletonLayout(const SkeletonLayout& layout);

    // Skeleton frames. Inserts or replaces one; returns the frame it replaced, if any.
    Result<std::optional<SkeletonFrame>> putSkeletonFrame(const SkeletonFrame& frame);
    // Bulk insert for importers, one prepared statement; fails (and inserts none) if any of the
    // frames exists already, so undoing it is removing the same range.
    Status insertSkeletonFrames(const std::vector<SkeletonFrame>& frames);
    // Frames firstFrame..lastFrame inclusive, of one subject or of all; returns what it removed.
    Result<std::vector<SkeletonFrame>> removeSkeletonFrames(std::int64_t videoId, std::int64_t firstFrame,
                                                            std::int64_t lastFrame,
                                                            std::optional<std::int64_t> subjectId = std::nullopt);
    // Reads only the requested rows, ordered by frame then subject.
    Result<std::vector<SkeletonFrame>> skeletonFrames(std::int64_t videoId, std::int64_t firstFrame,
                                                      std::int64_t lastFrame,
                                                      std::optional<std::int64_t> subjectId = std::nullopt);

    // Where frames came from in an imported dataset (frame_source.h). Inserting fails, adding
    // none, if a frame has a source already; a video's are read ordered by frame.
    Status insertFrameSources(const std::vector<FrameSource>& sources);
    Result<std::vector<FrameSource>> frameSources(std::int64_t videoId);

    // Per video (ordered by id): segment counts, frames covered by segments, frames with
    // skeletons. Reads no labels and no joints.
    Result<std::vector<VideoProgress>> videoProgress();
    // Which frames of a video have which subject's skeleton (and from where), without joints.
    Result<std::vector<SkeletonPresence>> skeletonPresence(std::int64_t videoId);

    // Model runs (training_run.h), ordered by id. A checkpoint path inside the project folder is
    // stored relative to it, like a video's.
    Result<std::int64_t> insertRun(const TrainingRun& run);  // id 0: a new id
    Result<TrainingRun> updateRun(const TrainingRun& run);    // by id; returns the previous record
    Result<TrainingRun> removeRun(std::int64_t id);
    Result<TrainingRun> run(std::int64_t id);
    Result<std::vector<TrainingRun>> runs();

private:
    // Copies and replaces the whole database (VACUUM INTO, ATTACH), below the row API.
    friend class ProjectSnapshot;

    ProjectStore(std::string path, std::unique_ptr<ProjectLock> lock);
    enum class OpenMode { Create, Open, ReadOnly };
    static Result<std::unique_ptr<ProjectStore>> openOrCreate(const std::string& path, OpenMode mode);
    Status initialise(OpenMode mode);
    Status reloadCaches();
    Result<std::int64_t> count(const char* table);
    Status checkSegment(const Segment& segment);
    Status checkSubjectAttributes(const Subject& subject);
    Status checkSkeletonFrame(const SkeletonFrame& frame) const;
    Status writeSegmentLabels(const Segment& segment);
    Status writeSubjectAttributes(const Subject& subject);
    Result<Subject> subject(std::int64_t id);
    Status writeTaxonomy(const Taxonomy& taxonomy);
    Status checkLabelsInUse(const Taxonomy& taxonomy);
    Status writeLabelRows(const std::vector<LabelRow>& remove, const std::vector<LabelRow>& insert);
    Result<Taxonomy> readTaxonomy();
    Status writeVideoSplits(std::int64_t videoId, const std::vector<std::string>& splits);
    Result<std::vector<std::string>> readVideoSplits(std::int64_t videoId);
    Status writeVideoAnnotators(std::int64_t videoId, const std::vector<std::string>& annotators);
    Result<std::vector<std::string>> readVideoAnnotators(std::int64_t videoId);
    std::string storedFilePath(const std::string& path) const;
    std::string resolvedFilePath(const std::string& stored) const;
    Result<std::vector<TrainingRun>> readRuns(const char* where, std::int64_t id);

    std::string path_;
    std::string name_;  // file name, for messages
    std::string connectionName_;
    std::unique_ptr<ProjectLock> lock_;
    QSqlDatabase db_;
    std::unique_ptr<SqlStatements> statements_;
    int transactionDepth_ = 0;
    bool readOnly_ = false;
    Taxonomy taxonomy_;
    std::deque<SkeletonLayout> layouts_;  // a deque: growing it never moves the layouts
};

}  // namespace actionlens::annotation
