#pragma once

// ProjectDocument: the project open in the GUI. It owns the ProjectStore and the undo stack,
// knows which video is current, and caches what the widgets read on every paint (the current
// video's segments and skeleton presence, the subjects), reloading them when a command has
// written the store. Widgets never write the store themselves: edits are QUndoCommands that
// call the store and then reloadSegments()/reloadSubjects().

#include "core/annotation/project_store.h"
#include "ui/document/effective_hotkeys.h"
#include "ui/document/skeleton_frame_cache.h"
#include "ui/jobs/document_jobs.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>
#include <vector>

namespace actionlens::ui {

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject* parent = nullptr);
    ~ProjectDocument() override;

    // Open or create a project; an empty string on success, else a message for the user. The
    // previous project is closed first either way.
    QString open(const QString& path);
    QString create(const QString& path);
    void close();

    bool isOpen() const { return store_ != nullptr; }
    QString path() const { return path_; }
    QString displayName() const;  // the file name without .alproj
    annotation::ProjectStore& store() { return *store_; }
    QUndoStack& undoStack() { return undoStack_; }

    const annotation::Taxonomy& taxonomy() const { return store_->taxonomy(); }
    // The user's own action hotkeys over the taxonomy's (QSettings); what the coder and the
    // inspector show and use is hotkeys().applyTo(taxonomy()).
    EffectiveHotkeys& hotkeys() { return hotkeys_; }
    const EffectiveHotkeys& hotkeys() const { return hotkeys_; }
    const std::vector<annotation::Video>& videos() const { return videos_; }
    const annotation::Video* video(std::int64_t id) const;
    const std::vector<annotation::Subject>& subjects() const { return subjects_; }
    const annotation::Subject* subject(std::int64_t id) const;
    QString subjectName(std::int64_t id) const;  // "no subject" for 0

    // The current video: its segments (ordered by first frame) and skeletons.
    void setCurrentVideo(std::int64_t videoId);
    std::int64_t currentVideoId() const { return currentVideoId_; }
    const annotation::Video* currentVideo() const { return video(currentVideoId_); }
    const std::vector<annotation::Segment>& segments() const { return segments_; }
    const annotation::Segment* segment(std::int64_t id) const;
    const std::vector<annotation::SkeletonPresence>& skeletonPresence() const { return skeletonPresence_; }
    std::vector<annotation::SkeletonFrame> skeletonsAt(std::int64_t frame);  // none while the store is lent
    const annotation::SkeletonLayout* layoutById(std::int64_t layoutId) const;
    // Subjects with a segment or a skeleton in the current video, plus those shown on purpose
    // (a new subject before its first segment), in id order: the timeline's lanes.
    std::vector<std::int64_t> subjectsOfCurrentVideo() const;
    void showSubjectLane(std::int64_t subjectId);

    // After a command wrote the store.
    void reloadSegments();
    void reloadSubjects();
    void reloadSkeletons();
    void reloadVideos();
    // After the project's runs changed (a run recorded, added or deleted): runsChanged().
    void reloadRuns() { Q_EMIT runsChanged(); }
    // After a command replaced the taxonomy (and rewrote labels): taxonomyChanged(), then the
    // subjects and segments are read again.
    void reloadTaxonomy();

    // A write that failed after the GUI had shown it done (undo/redo of a command): the title
    // bar shows it until the project is reopened.
    void reportWriteFailure(const QString& message);
    QString lastWriteFailure() const { return writeFailure_; }

    // The background work on this project (import, export, pose estimation, adding videos,
    // training, ...); closing the project cancels and waits for it.
    DocumentJobs& jobs() { return jobs_; }
    // While a job's thread uses the store (import/export), reads that the GUI makes on its own
    // (skeletons of a frame that is shown) are skipped: a Qt SQL connection must not be used
    // from two threads at once.
    bool isStoreLent() const { return jobs_.storeBorrower() != nullptr; }

Q_SIGNALS:
    void opened();
    void closed();
    void currentVideoChanged(std::int64_t videoId);
    void segmentsChanged();
    void subjectsChanged();
    void skeletonsChanged();
    void videosChanged();
    void taxonomyChanged();
    void runsChanged();
    void writeFailed(const QString& message);

private:
    QString adopt(Result<std::unique_ptr<annotation::ProjectStore>> store, const QString& path);

    std::unique_ptr<annotation::ProjectStore> store_;
    QString path_;
    QUndoStack undoStack_;
    std::vector<annotation::Video> videos_;
    std::vector<annotation::Subject> subjects_;
    std::int64_t currentVideoId_ = 0;
    std::vector<annotation::Segment> segments_;
    std::vector<annotation::SkeletonPresence> skeletonPresence_;
    std::vector<std::int64_t> shownLanes_;  // for the current video only
    SkeletonFrameCache skeletons_;
    EffectiveHotkeys hotkeys_;
    QString writeFailure_;
    DocumentJobs jobs_;
};

}  // namespace actionlens::ui
