#include "core/privacy/pseudonymised_copy.h"

#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"
#include "core/annotation/segment.h"
#include "core/privacy/pseudonyms.h"

#include <QFile>

#include <algorithm>
#include <set>
#include <vector>

namespace actionlens::privacy {

namespace {

std::string pseudonymousAnnotator(const Pseudonymiser& p, const std::string& name) {
    if (name.empty()) return {};
    const std::string prefix = annotation::kModelAnnotatorPrefix;
    if (name.rfind(prefix, 0) == 0) return prefix + p.pseudonym("model", name.substr(prefix.size()));
    return p.pseudonym("annotator", name);
}

}  // namespace

Result<annotation::ProjectRedaction> privacyRedaction(annotation::ProjectStore& store, const PrivacyOptions& options) {
    annotation::ProjectRedaction redaction;
    redaction.droppedInfoKeys.insert(kPseudonymSecretKey);
    auto subjects = store.subjects();
    if (!subjects) return subjects.takeError();
    const bool limited = annotation::limitsToConsenting(options.consent, subjects.value());
    for (const annotation::Subject& s : subjects.value())
        if (limited && !annotation::consents(s)) redaction.removedSubjects.insert(s.id);
    redaction.keepFreeText = options.keepFreeText || !options.pseudonymise;
    if (!options.pseudonymise) return redaction;

    auto secret = projectPseudonymSecret(store);
    if (!secret) return secret.takeError();
    const Pseudonymiser pseudonymiser(secret.value());
    // Ids in pseudonym order: the original order (who was filmed first) does not show through.
    std::vector<std::pair<std::string, std::int64_t>> named;
    for (const annotation::Subject& s : subjects.value())
        if (!redaction.removedSubjects.count(s.id)) named.emplace_back(pseudonymiser.pseudonym("subject", s.id), s.id);
    std::sort(named.begin(), named.end());
    for (size_t i = 0; i < named.size(); ++i)
        redaction.subjects[named[i].second] = {static_cast<std::int64_t>(i + 1), named[i].first};

    auto videos = store.videos();
    if (!videos) return videos.takeError();
    for (const annotation::Video& v : videos.value()) redaction.videos[v.id] = {pseudonymiser.pseudonym("video", v.id), "", "", -1};

    std::set<std::string> names;
    for (const annotation::Video& v : videos.value()) {
        names.insert(v.annotators.begin(), v.annotators.end());
        auto segments = store.segmentsOfVideo(v.id);
        if (!segments) return segments.takeError();
        for (const annotation::Segment& s : segments.value()) {
            names.insert(s.annotator);
            names.insert(s.source);
        }
    }
    redaction.annotators.emplace();
    for (const std::string& name : names) (*redaction.annotators)[name] = pseudonymousAnnotator(pseudonymiser, name);
    return redaction;
}

Status writeRedactedCopy(annotation::ProjectStore& store, const std::string& file, const annotation::ProjectRedaction& redaction) {
    // Under a temporary name until redacted: a crash meanwhile must not leave the real names
    // under the name of a pseudonymised project.
    const QString target = QString::fromStdString(file);
    const std::string part = file + ".part";
    if (QFile::exists(target)) return makeError("cannot write '" + file + "': the file exists");
    QFile::remove(QString::fromStdString(part));
    auto copy = annotation::ProjectSnapshot::take(store, part);
    if (!copy) return copy.takeError();
    if (Status s = annotation::redactProjectFile(part, redaction); !s) {
        QFile::remove(QString::fromStdString(part));
        return s;
    }
    if (!QFile::rename(QString::fromStdString(part), target)) {
        QFile::remove(QString::fromStdString(part));
        return makeError("cannot move the pseudonymised copy into '" + file + "'");
    }
    return Status::success();
}

}  // namespace actionlens::privacy
