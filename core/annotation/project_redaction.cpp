#include "core/annotation/project_redaction.h"

#include "core/annotation/project_schema.h"
#include "core/annotation/sql_statements.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <set>
#include <utility>
#include <vector>

namespace actionlens::annotation {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

// Every (table, column) whose foreign key points at `parent`.
Result<std::vector<std::pair<QString, QString>>> referencesTo(const QSqlDatabase& db, const QString& parent) {
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"))) return makeError(sqlErrorText(tables));
    std::vector<std::pair<QString, QString>> found;
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery keys(db);
        if (!keys.exec(QStringLiteral("PRAGMA foreign_key_list(\"%1\")").arg(table))) return makeError(sqlErrorText(keys));
        while (keys.next())
            if (keys.value(2).toString() == parent) found.emplace_back(table, keys.value(3).toString());
    }
    return found;
}

Status exec(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> values = {}) {
    QSqlQuery q(db);
    if (!q.prepare(sql)) return makeError(sqlErrorText(q));
    bindAll(q, values);
    if (!q.exec()) return makeError(sqlErrorText(q));
    return Status::success();
}

Status inTransaction(const QSqlDatabase& db, const std::function<Status()>& body) {
    if (Status s = execSql(db, QStringLiteral("BEGIN")); !s) return s;
    Status result = body();
    if (result) result = execSql(db, QStringLiteral("COMMIT"));
    if (!result) (void)execSql(db, QStringLiteral("ROLLBACK"));
    return result;
}

// Videos left out of the copy go with everything that refers to them (ON DELETE CASCADE);
// subjects left out with their segments and skeletons; model runs unless their free text is wanted.
Status removeRows(const QSqlDatabase& db, const ProjectRedaction& r) {
    for (const std::int64_t id : r.removedVideos)
        if (Status s = exec(db, QStringLiteral("DELETE FROM videos WHERE id = ?"), {qint64(id)}); !s) return s;
    auto references = referencesTo(db, QStringLiteral("subjects"));
    if (!references) return references.takeError();
    for (const std::int64_t id : r.removedSubjects) {
        for (const auto& [table, column] : references.value())
            if (Status s = exec(db, QStringLiteral("DELETE FROM \"%1\" WHERE \"%2\" = ?").arg(table, column), {qint64(id)}); !s)
                return makeError("removing subject " + std::to_string(id) + " from " + table.toStdString() + ": " + s.error());
        if (Status s = exec(db, QStringLiteral("DELETE FROM subjects WHERE id = ?"), {qint64(id)}); !s) return s;
    }
    if (!r.keepFreeText)
        if (Status s = exec(db, QStringLiteral("DELETE FROM training_runs")); !s) return s;
    for (const std::string& key : r.droppedInfoKeys)
        if (Status s = exec(db, QStringLiteral("DELETE FROM project_info WHERE key = ?"), {qs(key)}); !s) return s;
    return Status::success();
}

// New subject ids everywhere a column refers to one: through negative ids first, so that a new
// id equal to another subject's old one never collides in a primary key.
Status renumberSubjects(const QSqlDatabase& db, const ProjectRedaction& r) {
    if (r.subjects.empty()) return Status::success();
    auto unmapped = querySingle(db, QStringLiteral("SELECT count(*) FROM subjects"));
    if (!unmapped) return unmapped.takeError();
    if (unmapped->toLongLong() != static_cast<qint64>(r.subjects.size()))
        return makeError("the copy has " + std::to_string(unmapped->toLongLong()) + " subjects, the redaction names " +
                         std::to_string(r.subjects.size()));
    std::set<std::int64_t> newIds;
    if (Status s = exec(db, QStringLiteral("CREATE TEMP TABLE subject_map(old INTEGER PRIMARY KEY, new INTEGER NOT NULL, name TEXT NOT NULL)")); !s)
        return s;
    for (const auto& [old, subject] : r.subjects) {
        if (subject.id <= 0 || !newIds.insert(subject.id).second)
            return makeError("subject " + std::to_string(old) + " gets the id " + std::to_string(subject.id) + ", which is not free");
        if (Status s = exec(db, QStringLiteral("INSERT INTO subject_map(old, new, name) VALUES (?, ?, ?)"),
                            {qint64(old), qint64(subject.id), qs(subject.name)});
            !s)
            return s;
    }
    auto columns = referencesTo(db, QStringLiteral("subjects"));
    if (!columns) return columns.takeError();
    columns->emplace_back(QStringLiteral("subjects"), QStringLiteral("id"));
    for (const auto& [table, column] : columns.value()) {
        if (Status s = exec(db, QStringLiteral("UPDATE \"%1\" SET \"%2\" = -(SELECT new FROM subject_map WHERE old = \"%2\") "
                                               "WHERE \"%2\" IN (SELECT old FROM subject_map)")
                                    .arg(table, column));
            !s)
            return makeError("renumbering " + table.toStdString() + ": " + s.error());
        if (Status s = exec(db, QStringLiteral("UPDATE \"%1\" SET \"%2\" = -\"%2\" WHERE \"%2\" < 0").arg(table, column)); !s)
            return makeError("renumbering " + table.toStdString() + ": " + s.error());
    }
    if (Status s = exec(db, QStringLiteral("UPDATE subjects SET name = (SELECT name FROM subject_map WHERE new = subjects.id)")); !s) return s;
    return execSql(db, QStringLiteral("DROP TABLE temp.subject_map"));
}

Status rewriteText(const QSqlDatabase& db, const ProjectRedaction& r) {
    for (const auto& [id, video] : r.videos)
        if (Status s = exec(db, QStringLiteral("UPDATE videos SET name = ?, path = ?, content_hash = ?,"
                                               " size_bytes = CASE WHEN ? < 0 THEN size_bytes ELSE ? END WHERE id = ?"),
                            {qs(video.name), qs(video.path), qs(video.contentHash), qint64(video.sizeBytes), qint64(video.sizeBytes),
                             qint64(id)});
            !s)
            return s;
    // A renamed video's frames keep no names from the dataset it came from (file names say what the name hid).
    for (const auto& [id, video] : r.videos)
        if (Status s = exec(db, QStringLiteral("DELETE FROM frame_sources WHERE video_id = ?"), {qint64(id)}); !s) return s;
    if (r.annotators) {
        if (Status s = exec(db, QStringLiteral("CREATE TEMP TABLE annotator_map(old TEXT PRIMARY KEY, new TEXT NOT NULL)")); !s) return s;
        for (const auto& [old, replacement] : *r.annotators)
            if (Status s = exec(db, QStringLiteral("INSERT INTO annotator_map(old, new) VALUES (?, ?)"), {qs(old), qs(replacement)}); !s)
                return s;
        // A name the map does not know is dropped rather than kept.
        for (const char* column : {"annotator", "source"})
            if (Status s = exec(db, QStringLiteral("UPDATE segments SET %1 = coalesce((SELECT new FROM annotator_map WHERE old = %1), '')")
                                        .arg(QLatin1String(column)));
                !s)
                return s;
        // Assignments: renamed through a copy (two names may not share a pseudonym, but a row must never keep a real name).
        for (const char* sql : {"CREATE TEMP TABLE assignment_map AS SELECT DISTINCT video_id, m.new AS annotator FROM video_assignments"
                                " JOIN annotator_map m ON m.old = annotator WHERE m.new <> ''",
                                "DELETE FROM video_assignments", "INSERT INTO video_assignments SELECT video_id, annotator FROM assignment_map",
                                "DROP TABLE temp.assignment_map"})
            if (Status s = exec(db, QString::fromLatin1(sql)); !s) return s;
        if (Status s = execSql(db, QStringLiteral("DROP TABLE temp.annotator_map")); !s) return s;
    }
    if (r.keepFreeText)
        return exec(db, QStringLiteral("UPDATE training_runs SET checkpoint = ''"));
    return exec(db, QStringLiteral("UPDATE subjects SET consent_note = ''"));
}

Status redact(const QSqlDatabase& db, const ProjectRedaction& r) {
    auto version = querySingle(db, QStringLiteral("PRAGMA user_version"));
    if (!version) return version.takeError();
    if (version->toInt() != kSchemaVersion)
        return makeError("it has schema version " + std::to_string(version->toInt()) + ", not " + std::to_string(kSchemaVersion));
    // No rollback journal or WAL file keeps old pages once done; freed cells are zeroed.
    for (const char* pragma : {"PRAGMA journal_mode = DELETE", "PRAGMA secure_delete = ON", "PRAGMA foreign_keys = ON"})
        if (Status s = execSql(db, QString::fromUtf8(pragma)); !s) return s;
    if (Status s = inTransaction(db, [&] { return removeRows(db, r); }); !s) return s;
    // Renumbering moves ids one table at a time: the keys only hold again at the end.
    if (Status s = execSql(db, QStringLiteral("PRAGMA foreign_keys = OFF")); !s) return s;
    if (Status s = inTransaction(db, [&]() -> Status {
            if (Status s = renumberSubjects(db, r); !s) return s;
            if (Status s = rewriteText(db, r); !s) return s;
            QSqlQuery check(db);
            if (!check.exec(QStringLiteral("PRAGMA foreign_key_check"))) return makeError(sqlErrorText(check));
            if (check.next()) return makeError("a row of " + check.value(0).toString().toStdString() + " lost what it refers to");
            return Status::success();
        });
        !s)
        return s;
    return execSql(db, QStringLiteral("VACUUM"));
}

}  // namespace

Status redactProjectFile(const std::string& file, const ProjectRedaction& redaction) {
    const std::string what = "cannot pseudonymise the copy '" + file + "'";
    if (!QFileInfo(qs(file)).isFile()) return makeError(what + ": the file does not exist");
    const QString connection = QStringLiteral("actionlens-redaction-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status result = Status::success();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(qs(file));
        if (!db.open()) {
            result = makeError(db.lastError().text().toStdString());
        } else {
            result = redact(db, redaction);
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!result) return makeError(what + ": " + result.error());
    return Status::success();
}

}  // namespace actionlens::annotation
