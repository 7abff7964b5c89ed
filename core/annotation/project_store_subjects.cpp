// ProjectStore: subjects and their per-subject attribute values.

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QStringList>

namespace actionlens::annotation {

Status ProjectStore::checkSubjectAttributes(const Subject& subject) {
    for (const auto& [task, value] : subject.attributes)
        if (Status s = checkLabel(taxonomy_, TaskScope::Subject, task, value); !s)
            return makeError("subject '" + subject.name + "': " + s.error());
    return Status::success();
}

Status ProjectStore::writeSubjectAttributes(const Subject& subject) {
    auto del = statements_->prepared("DELETE FROM subject_attributes WHERE subject_id = ?");
    if (!del) return del.takeError();
    del.value()->bindValue(0, qint64(subject.id));
    if (Status s = SqlStatements::execute(*del.value(), "cannot update subject attributes"); !s) return s;
    auto ins = statements_->prepared("INSERT INTO subject_attributes(subject_id, task, value) VALUES (?, ?, ?)");
    if (!ins) return ins.takeError();
    for (const auto& [task, value] : subject.attributes) {
        bindAll(*ins.value(), {qint64(subject.id), QString::fromStdString(task), QString::fromStdString(value)});
        if (Status s = SqlStatements::execute(*ins.value(), "cannot store subject attributes"); !s) return s;
    }
    return Status::success();
}

Result<std::int64_t> ProjectStore::insertSubject(const Subject& subject) {
    if (Status s = checkSubjectAttributes(subject); !s) return s.takeError();
    Subject stored = subject;
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared("INSERT INTO subjects(id, name, consent, consent_note, consent_date) VALUES (?, ?, ?, ?, ?)");
        if (!q) return q.takeError();
        bindAll(*q.value(), {subject.id ? QVariant(qint64(subject.id)) : QVariant(), QString::fromStdString(subject.name),
                             QString::fromLatin1(consentStatusName(subject.consent)), QString::fromStdString(subject.consentNote),
                             QString::fromStdString(subject.consentDate)});
        if (Status e = SqlStatements::execute(*q.value(), "cannot add subject '" + subject.name + "'"); !e) return e;
        stored.id = q.value()->lastInsertId().toLongLong();
        return writeSubjectAttributes(stored);
    });
    if (!s) return s.takeError();
    return stored.id;
}

Result<Subject> ProjectStore::subject(std::int64_t id) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT name, consent, consent_note, consent_date FROM subjects WHERE id = ?"));
    q.bindValue(0, qint64(id));
    if (!q.exec()) return makeError("cannot read subject " + std::to_string(id) + ": " + sqlErrorText(q));
    if (!q.next()) return makeError("the project has no subject " + std::to_string(id));
    Subject s;
    s.id = id;
    s.name = q.value(0).toString().toStdString();
    if (!parseConsentStatus(q.value(1).toString().toStdString(), &s.consent))
        return makeError("subject '" + s.name + "' has an unknown consent status '" + q.value(1).toString().toStdString() + "'");
    s.consentNote = q.value(2).toString().toStdString();
    s.consentDate = q.value(3).toString().toStdString();
    QSqlQuery a(db_);
    a.prepare(QStringLiteral("SELECT task, value FROM subject_attributes WHERE subject_id = ?"));
    a.bindValue(0, qint64(id));
    if (!a.exec()) return makeError("cannot read subject " + std::to_string(id) + ": " + sqlErrorText(a));
    while (a.next()) s.attributes[a.value(0).toString().toStdString()] = a.value(1).toString().toStdString();
    return s;
}

Result<Subject> ProjectStore::updateSubject(const Subject& subject) {
    if (Status s = checkSubjectAttributes(subject); !s) return s.takeError();
    auto old = this->subject(subject.id);
    if (!old) return old.takeError();
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared("UPDATE subjects SET name = ?, consent = ?, consent_note = ?, consent_date = ? WHERE id = ?");
        if (!q) return q.takeError();
        bindAll(*q.value(), {QString::fromStdString(subject.name), QString::fromLatin1(consentStatusName(subject.consent)),
                             QString::fromStdString(subject.consentNote), QString::fromStdString(subject.consentDate), qint64(subject.id)});
        if (Status e = SqlStatements::execute(*q.value(), "cannot update subject '" + subject.name + "'"); !e) return e;
        return writeSubjectAttributes(subject);
    });
    if (!s) return s.takeError();
    return old;
}

Result<Subject> ProjectStore::removeSubject(std::int64_t id) {
    auto old = subject(id);
    if (!old) return old.takeError();
    QSqlQuery uses(db_);
    uses.prepare(QStringLiteral("SELECT (SELECT count(*) FROM segments WHERE subject_id = ?),"
                                " (SELECT count(*) FROM skeleton_frames WHERE subject_id = ?)"));
    bindAll(uses, {qint64(id), qint64(id)});
    if (!uses.exec() || !uses.next()) return makeError("cannot remove subject: " + sqlErrorText(uses));
    const qint64 segments = uses.value(0).toLongLong(), skeletons = uses.value(1).toLongLong();
    if (segments > 0 || skeletons > 0)
        return makeError("subject '" + old->name + "' still has " + std::to_string(segments) + " segments and " +
                         std::to_string(skeletons) + " skeleton frames; remove or reassign them first");
    Status s = transaction([&]() -> Status {
        auto q = statements_->prepared("DELETE FROM subjects WHERE id = ?");
        if (!q) return q.takeError();
        q.value()->bindValue(0, qint64(id));
        return SqlStatements::execute(*q.value(), "cannot remove subject '" + old->name + "'");
    });
    if (!s) return s.takeError();
    return old;
}

Result<std::vector<Subject>> ProjectStore::subjects() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT id FROM subjects ORDER BY id"))) return makeError("cannot read subjects: " + sqlErrorText(q));
    std::vector<std::int64_t> ids;
    while (q.next()) ids.push_back(q.value(0).toLongLong());
    std::vector<Subject> result;
    for (std::int64_t id : ids) {
        auto s = subject(id);
        if (!s) return s.takeError();
        result.push_back(std::move(s).value());
    }
    return result;
}

Result<SubjectsReach> ProjectStore::reachOfSubjects(const std::vector<std::int64_t>& subjectIds) {
    SubjectsReach reach;
    if (subjectIds.empty()) return reach;
    QStringList ids;
    for (std::int64_t id : subjectIds) ids << QString::number(id);
    const QString list = ids.join(QLatin1Char(','));
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT count(*), count(DISTINCT video_id), (SELECT count(*) FROM skeleton_frames WHERE subject_id IN (%1))"
                               " FROM segments WHERE subject_id IN (%1)")
                    .arg(list)) ||
        !q.next())
        return makeError("cannot count what belongs to subjects: " + sqlErrorText(q));
    reach.segments = q.value(0).toLongLong();
    reach.videos = q.value(1).toLongLong();
    reach.skeletonFrames = q.value(2).toLongLong();
    return reach;
}

}  // namespace actionlens::annotation
