// ProjectStore: model runs (training, evaluation, ablation) and their JSON documents.

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QSqlQuery>

namespace actionlens::annotation {

namespace {

constexpr const char* kRunColumns =
    "id, name, kind, status, origin, parent_id, config, history, metrics, data, checkpoint, device, started_ms, ended_ms, message";

QString text(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

Result<std::vector<TrainingRun>> ProjectStore::readRuns(const char* where, std::int64_t id) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT %1 FROM training_runs %2 ORDER BY id").arg(QLatin1String(kRunColumns), QLatin1String(where)));
    if (*where) q.bindValue(0, qint64(id));
    if (!q.exec()) return makeError("cannot read the project's runs: " + sqlErrorText(q));
    std::vector<TrainingRun> runs;
    while (q.next()) {
        TrainingRun r;
        r.id = q.value(0).toLongLong();
        r.name = q.value(1).toString().toStdString();
        if (!parseRunKind(q.value(2).toString().toStdString(), &r.kind) ||
            !parseRunStatus(q.value(3).toString().toStdString(), &r.status))
            return makeError("run " + std::to_string(r.id) + " has an unknown kind or status");
        r.origin = q.value(4).toString().toStdString();
        r.parentId = q.value(5).isNull() ? 0 : q.value(5).toLongLong();
        r.configJson = q.value(6).toString().toStdString();
        r.historyJson = q.value(7).toString().toStdString();
        r.metricsJson = q.value(8).toString().toStdString();
        r.dataJson = q.value(9).toString().toStdString();
        r.checkpointPath = resolvedFilePath(q.value(10).toString().toStdString());
        r.device = q.value(11).toString().toStdString();
        r.startedMs = q.value(12).toLongLong();
        r.endedMs = q.value(13).toLongLong();
        r.message = q.value(14).toString().toStdString();
        runs.push_back(std::move(r));
    }
    return runs;
}

Result<std::vector<TrainingRun>> ProjectStore::runs() { return readRuns("", 0); }

Result<TrainingRun> ProjectStore::run(std::int64_t id) {
    auto found = readRuns("WHERE id = ?", id);
    if (!found) return found.takeError();
    if (found->empty()) return makeError("the project has no run " + std::to_string(id));
    return found->front();
}

Result<std::int64_t> ProjectStore::insertRun(const TrainingRun& run) {
    auto q = statements_->prepared(
        "INSERT INTO training_runs(id, name, kind, status, origin, parent_id, config, history, metrics, data, checkpoint,"
        " device, started_ms, ended_ms, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!q) return q.takeError();
    bindAll(*q.value(), {run.id ? QVariant(qint64(run.id)) : QVariant(), text(run.name), QLatin1String(runKindName(run.kind)),
                         QLatin1String(runStatusName(run.status)), text(run.origin),
                         run.parentId ? QVariant(qint64(run.parentId)) : QVariant(), text(run.configJson), text(run.historyJson),
                         text(run.metricsJson), text(run.dataJson), text(storedFilePath(run.checkpointPath)), text(run.device),
                         qint64(run.startedMs), qint64(run.endedMs), text(run.message)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot record run '" + run.name + "'"); !s) return s.takeError();
    return q.value()->lastInsertId().toLongLong();
}

Result<TrainingRun> ProjectStore::updateRun(const TrainingRun& run) {
    auto old = this->run(run.id);
    if (!old) return old.takeError();
    auto q = statements_->prepared(
        "UPDATE training_runs SET name = ?, kind = ?, status = ?, origin = ?, parent_id = ?, config = ?, history = ?,"
        " metrics = ?, data = ?, checkpoint = ?, device = ?, started_ms = ?, ended_ms = ?, message = ? WHERE id = ?");
    if (!q) return q.takeError();
    bindAll(*q.value(), {text(run.name), QLatin1String(runKindName(run.kind)), QLatin1String(runStatusName(run.status)),
                         text(run.origin), run.parentId ? QVariant(qint64(run.parentId)) : QVariant(), text(run.configJson),
                         text(run.historyJson), text(run.metricsJson), text(run.dataJson), text(storedFilePath(run.checkpointPath)),
                         text(run.device), qint64(run.startedMs), qint64(run.endedMs), text(run.message), qint64(run.id)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot update run '" + run.name + "'"); !s) return s.takeError();
    return old;
}

Result<TrainingRun> ProjectStore::removeRun(std::int64_t id) {
    auto old = run(id);
    if (!old) return old.takeError();
    auto q = statements_->prepared("DELETE FROM training_runs WHERE id = ?");
    if (!q) return q.takeError();
    bindAll(*q.value(), {qint64(id)});
    if (Status s = SqlStatements::execute(*q.value(), "cannot remove run " + std::to_string(id)); !s) return s.takeError();
    return old;
}

}  // namespace actionlens::annotation
