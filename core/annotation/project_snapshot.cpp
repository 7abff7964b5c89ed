#include "core/annotation/project_snapshot.h"

#include "core/annotation/project_schema.h"
#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace actionlens::annotation {

namespace {

// The name the snapshot file is ATTACHed under while it is restored.
constexpr const char* kAttachedName = "snapshot";

QString quoted(QString identifier) { return QLatin1Char('"') + identifier.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); }

// Every table of a schema ("main" or the attached snapshot) with the statement that created it.
Result<std::map<QString, QString>> tablesOf(const QSqlDatabase& db, const QString& schema) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT name, sql FROM %1.sqlite_master WHERE type = 'table'").arg(schema)))
        return makeError(sqlErrorText(query));
    std::map<QString, QString> tables;
    while (query.next()) tables[query.value(0).toString()] = query.value(1).toString();
    return tables;
}

Result<QStringList> columnsOf(const QSqlDatabase& db, const QString& table) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA main.table_info(%1)").arg(quoted(table)))) return makeError(sqlErrorText(query));
    QStringList columns;
    while (query.next()) columns << quoted(query.value(1).toString());
    if (columns.isEmpty()) return makeError("table " + table.toStdString() + " has no columns");
    return columns;
}

// Tables in an order where every table comes after the tables it refers to, so deleting in
// reverse empties children before their parents: deleting a parent row then finds no child
// rows to check (skeleton_frames has no index on subject_id alone, and a check per subject
// would scan it).
Result<std::vector<QString>> parentsFirst(const QSqlDatabase& db, const std::map<QString, QString>& tables) {
    std::map<QString, std::set<QString>> parents;
    for (const auto& [table, sql] : tables) {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("PRAGMA main.foreign_key_list(%1)").arg(quoted(table))))
            return makeError(sqlErrorText(query));
        while (query.next()) {
            const QString parent = query.value(2).toString();
            if (parent != table && tables.count(parent)) parents[table].insert(parent);
        }
    }
    std::vector<QString> order;
    std::set<QString> placed;
    while (order.size() < tables.size()) {
        bool progressed = false;
        for (const auto& [table, sql] : tables) {
            if (placed.count(table)) continue;
            const auto& needed = parents[table];
            if (std::all_of(needed.begin(), needed.end(), [&](const QString& p) { return placed.count(p) > 0; })) {
                order.push_back(table);
                placed.insert(table);
                progressed = true;
            }
        }
        if (!progressed) {  // a cycle: the deferred foreign keys still hold the result to account
            for (const auto& [table, sql] : tables)
                if (placed.insert(table).second) order.push_back(table);
        }
    }
    return order;
}

// The snapshot is a sound copy of a project with the same tables as the open one.
Status checkAttached(const QSqlDatabase& db) {
    const QString snapshot = QLatin1String(kAttachedName);
    auto appId = querySingle(db, QStringLiteral("PRAGMA %1.application_id").arg(snapshot));
    if (!appId) return makeError("it is not a project copy or is damaged (" + appId.error() + ")");
    if (appId->toInt() != kProjectApplicationId) return makeError("it is an SQLite file but not a copy of an ActionLens project");
    auto version = querySingle(db, QStringLiteral("PRAGMA %1.user_version").arg(snapshot));
    auto ours = querySingle(db, QStringLiteral("PRAGMA main.user_version"));
    if (!version) return version.takeError();
    if (!ours) return ours.takeError();
    if (version->toInt() != ours->toInt())
        return makeError("it has schema version " + std::to_string(version->toInt()) + ", the project " + std::to_string(ours->toInt()));
    QSqlQuery check(db);
    check.setForwardOnly(true);
    if (!check.exec(QStringLiteral("PRAGMA %1.integrity_check").arg(snapshot)))
        return makeError("it is damaged and cannot be read (" + sqlErrorText(check) + ")");
    if (!check.next() || check.value(0).toString() != QLatin1String("ok"))
        return makeError("it is damaged (integrity check: " + check.value(0).toString().toStdString() + ")");
    check.finish();
    auto theirs = tablesOf(db, snapshot);
    if (!theirs) return theirs.takeError();
    auto mine = tablesOf(db, QStringLiteral("main"));
    if (!mine) return mine.takeError();
    if (theirs.value() != mine.value()) return makeError("its tables differ from the project's");
    return Status::success();
}

}  // namespace

Result<ProjectSnapshot> ProjectSnapshot::take(ProjectStore& store, const std::string& file) {
    const std::string what = "cannot copy '" + store.name_ + "' to '" + file + "'";
    if (store.transactionDepth_ > 0) return makeError(what + ": a transaction is open");
    const QString target = QString::fromStdString(file);
    if (QFileInfo::exists(target)) return makeError(what + ": the file exists");
    // VACUUM refuses to run while any statement of the connection is still in progress.
    store.statements_->clear();
    QSqlQuery vacuum(store.db_);
    Status written = Status::success();
    if (!vacuum.prepare(QStringLiteral("VACUUM INTO ?"))) {
        written = makeError(sqlErrorText(vacuum));
    } else {
        vacuum.bindValue(0, target);
        if (!vacuum.exec()) written = makeError(sqlErrorText(vacuum));
    }
    vacuum.finish();
    if (!written) {
        QFile::remove(target);  // a disk that filled up mid-copy leaves part of a file
        return makeError(what + ": " + written.error());
    }
    return ProjectSnapshot(file, QFileInfo(target).size());
}

ProjectSnapshot ProjectSnapshot::inFile(const std::string& file) {
    return ProjectSnapshot(file, QFileInfo(QString::fromStdString(file)).size());
}

Status ProjectSnapshot::restoreInto(ProjectStore& store) const {
    const std::string what = "cannot restore '" + store.name_ + "' from '" + file_ + "'";
    if (store.transactionDepth_ > 0) return makeError(what + ": a transaction is open");
    const QString source = QString::fromStdString(file_);
    // ATTACH would create a missing file as an empty database.
    if (!QFileInfo(source).isFile()) return makeError(what + ": the file does not exist");
    store.statements_->clear();
    QSqlDatabase& db = store.db_;
    // A copy left attached by an earlier restore whose DETACH failed would block this ATTACH.
    (void)execSql(db, QStringLiteral("DETACH DATABASE %1").arg(QLatin1String(kAttachedName)));
    {
        QSqlQuery attach(db);
        if (!attach.prepare(QStringLiteral("ATTACH DATABASE ? AS %1").arg(QLatin1String(kAttachedName))))
            return makeError(what + ": " + sqlErrorText(attach));
        attach.bindValue(0, source);
        if (!attach.exec()) return makeError(what + ": it is not a project copy or is damaged (" + sqlErrorText(attach) + ")");
    }

    Status restored = checkAttached(db);
    if (restored) {
        restored = store.transaction([&]() -> Status {
            // Rows refer to each other across tables; only the end state has to be consistent.
            if (Status s = execSql(db, QStringLiteral("PRAGMA defer_foreign_keys = ON")); !s) return s;
            auto tables = tablesOf(db, QStringLiteral("main"));
            if (!tables) return tables.takeError();
            auto order = parentsFirst(db, tables.value());
            if (!order) return order.takeError();
            for (auto table = order->rbegin(); table != order->rend(); ++table)
                if (Status s = execSql(db, QStringLiteral("DELETE FROM main.%1").arg(quoted(*table))); !s)
                    return makeError("emptying " + table->toStdString() + ": " + s.error());
            for (const QString& table : order.value()) {
                auto columns = columnsOf(db, table);
                if (!columns) return columns.takeError();
                const QString list = columns->join(QLatin1Char(','));
                if (Status s = execSql(db, QStringLiteral("INSERT INTO main.%1(%2) SELECT %2 FROM %3.%1")
                                               .arg(quoted(table), list, QLatin1String(kAttachedName)));
                    !s)
                    return makeError("copying " + table.toStdString() + ": " + s.error());
            }
            return Status::success();
        });
    }
    // Whatever happened, the file is let go (a failed DETACH is retried by the next restore).
    (void)execSql(db, QStringLiteral("DETACH DATABASE %1").arg(QLatin1String(kAttachedName)));
    if (!restored) return makeError(what + ": " + restored.error());
    return store.reloadCaches();
}

}  // namespace actionlens::annotation
