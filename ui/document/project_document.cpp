#include "ui/document/project_document.h"

#include <QFileInfo>

#include <algorithm>
#include <set>

namespace actionlens::ui {

ProjectDocument::ProjectDocument(QObject* parent) : QObject(parent) {}

ProjectDocument::~ProjectDocument() { close(); }

QString ProjectDocument::open(const QString& path) {
    close();
    return adopt(annotation::ProjectStore::open(path.toStdString()), path);
}

QString ProjectDocument::create(const QString& path) {
    close();
    return adopt(annotation::ProjectStore::create(path.toStdString()), path);
}

QString ProjectDocument::adopt(Result<std::unique_ptr<annotation::ProjectStore>> store, const QString& path) {
    if (!store) return QString::fromStdString(store.error());
    store_ = std::move(store).value();
    path_ = QFileInfo(path).absoluteFilePath();
    writeFailure_.clear();
    reloadVideos();
    reloadSubjects();
    Q_EMIT opened();
    return {};
}

void ProjectDocument::close() {
    if (!store_) return;
    jobs_.cancelAll();  // no job may outlive the store it works on
    undoStack_.clear();  // commands refer to this store
    skeletons_.reset({});
    segments_.clear();
    skeletonPresence_.clear();
    videos_.clear();
    subjects_.clear();
    currentVideoId_ = 0;
    store_.reset();
    path_.clear();
    Q_EMIT closed();
}

QString ProjectDocument::displayName() const { return QFileInfo(path_).completeBaseName(); }

const annotation::Video* ProjectDocument::video(std::int64_t id) const {
    for (const auto& v : videos_)
        if (v.id == id) return &v;
    return nullptr;
}

const annotation::Subject* ProjectDocument::subject(std::int64_t id) const {
    for (const auto& s : subjects_)
        if (s.id == id) return &s;
    return nullptr;
}

QString ProjectDocument::subjectName(std::int64_t id) const {
    if (id == 0) return tr("no subject");
    const annotation::Subject* s = subject(id);
    if (!s) return tr("subject %1").arg(id);
    return s->name.empty() ? tr("subject %1").arg(id) : QString::fromStdString(s->name);
}

const annotation::Segment* ProjectDocument::segment(std::int64_t id) const {
    for (const auto& s : segments_)
        if (s.id == id) return &s;
    return nullptr;
}

const annotation::SkeletonLayout* ProjectDocument::layoutById(std::int64_t layoutId) const {
    if (!store_) return nullptr;
    for (const auto& layout : store_->skeletonLayouts())
        if (layout.id == layoutId) return &layout;
    return nullptr;
}

void ProjectDocument::setCurrentVideo(std::int64_t videoId) {
    if (!store_) return;
    currentVideoId_ = video(videoId) ? videoId : 0;
    shownLanes_.clear();
    annotation::ProjectStore* store = store_.get();
    if (currentVideoId_ != 0) {
        skeletons_.reset([store, videoId](std::int64_t first, std::int64_t last) {
            return store->skeletonFrames(videoId, first, last);
        });
    } else {
        skeletons_.reset({});
    }
    reloadSegments();
    reloadSkeletons();
    Q_EMIT currentVideoChanged(currentVideoId_);
}

std::vector<annotation::SkeletonFrame> ProjectDocument::skeletonsAt(std::int64_t frame) {
    if (isStoreLent()) return {};
    return skeletons_.at(frame);
}

std::vector<std::int64_t> ProjectDocument::subjectsOfCurrentVideo() const {
    std::set<std::int64_t> ids;
    for (const auto& s : segments_) ids.insert(s.subjectId);
    for (const auto& p : skeletonPresence_) ids.insert(p.subjectId);
    for (std::int64_t id : shownLanes_)
        if (subject(id)) ids.insert(id);
    return {ids.begin(), ids.end()};
}

void ProjectDocument::showSubjectLane(std::int64_t subjectId) {
    if (std::find(shownLanes_.begin(), shownLanes_.end(), subjectId) == shownLanes_.end()) shownLanes_.push_back(subjectId);
    Q_EMIT segmentsChanged();  // the lanes follow segments; a new lane is the same kind of change
}

void ProjectDocument::reloadSegments() {
    segments_.clear();
    if (store_ && currentVideoId_ != 0) {
        auto read = store_->segmentsOfVideo(currentVideoId_);
        if (read)
            segments_ = std::move(read).value();
        else
            reportWriteFailure(QString::fromStdString(read.error()));
    }
    Q_EMIT segmentsChanged();
}

void ProjectDocument::reloadSubjects() {
    subjects_.clear();
    if (store_) {
        auto read = store_->subjects();
        if (read)
            subjects_ = std::move(read).value();
        else
            reportWriteFailure(QString::fromStdString(read.error()));
    }
    Q_EMIT subjectsChanged();
}

void ProjectDocument::reloadTaxonomy() {
    Q_EMIT taxonomyChanged();
    reloadSubjects();
    reloadSegments();
}

void ProjectDocument::reloadSkeletons() {
    skeletons_.invalidate();
    skeletonPresence_.clear();
    if (store_ && currentVideoId_ != 0) {
        auto read = store_->skeletonPresence(currentVideoId_);
        if (read)
            skeletonPresence_ = std::move(read).value();
        else
            reportWriteFailure(QString::fromStdString(read.error()));
    }
    Q_EMIT skeletonsChanged();
}

void ProjectDocument::reloadVideos() {
    videos_.clear();
    if (store_) {
        auto read = store_->videos();
        if (read)
            videos_ = std::move(read).value();
        else
            reportWriteFailure(QString::fromStdString(read.error()));
    }
    Q_EMIT videosChanged();
}

void ProjectDocument::reportWriteFailure(const QString& message) {
    writeFailure_ = message;
    Q_EMIT writeFailed(message);
}

}  // namespace actionlens::ui
