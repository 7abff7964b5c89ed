#include "core/annotation/project_store.h"

#include "core/annotation/project_lock.h"
#include "core/annotation/project_schema.h"
#include "core/annotation/skeleton_layout_rows.h"
#include "core/annotation/sql_statements.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

#include <algorithm>

namespace actionlens::annotation {

ProjectStore::ProjectStore(std::string path, std::unique_ptr<ProjectLock> lock)
    : path_(std::move(path)), lock_(std::move(lock)) {
    name_ = QFileInfo(QString::fromStdString(path_)).fileName().toStdString();
    // Qt Sql keys connections by name process-wide: each store needs its own.
    connectionName_ = "actionlens-project-" + QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

ProjectStore::~ProjectStore() {
    // Every handle on the connection (cached statements, copies of db_) must be gone before
    // removeDatabase, or Qt keeps the file open.
    statements_.reset();
    if (db_.isValid()) {
        db_.close();
        db_ = QSqlDatabase();
        QSqlDatabase::removeDatabase(QString::fromStdString(connectionName_));
    }
    // lock_ goes last (after this body), once nothing can write the file any more.
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::create(const std::string& path) { return openOrCreate(path, OpenMode::Create); }
Result<std::unique_ptr<ProjectStore>> ProjectStore::open(const std::string& path) { return openOrCreate(path, OpenMode::Open); }
Result<std::unique_ptr<ProjectStore>> ProjectStore::openReadOnly(const std::string& path) {
    return openOrCreate(path, OpenMode::ReadOnly);
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::openToRead(const std::string& path) {
    auto reader = openReadOnly(path);
    if (reader) return reader;
    if (auto writer = open(path); writer) return writer;
    return reader.takeError();
}

Result<std::unique_ptr<ProjectStore>> ProjectStore::openOrCreate(const std::string& path, OpenMode mode) {
    const QFileInfo info(QString::fromStdString(path));
    const std::string absolute = info.absoluteFilePath().toStdString();
    const bool create = mode == OpenMode::Create;
    if (create && info.exists()) return makeError("cannot create project '" + path + "': the file exists");
    if (!create && !info.isFile()) return makeError("project '" + path + "' does not exist");
    std::unique_ptr<ProjectLock> lock;
    if (mode != OpenMode::ReadOnly) {
        auto acquired = ProjectLock::acquire(absolute);
        if (!acquired) return acquired.takeError();
        lock = std::move(acquired).value();
    }
    std::unique_ptr<ProjectStore> store(new ProjectStore(absolute, std::move(lock)));
    store->readOnly_ = mode == OpenMode::ReadOnly;
    if (Status s = store->initialise(mode); !s) {
        store.reset();  // closes the file before a half-created one is removed
        if (create) {
            QFile::remove(QString::fromStdString(absolute));
            QFile::remove(QString::fromStdString(absolute + "-wal"));
            QFile::remove(QString::fromStdString(absolute + "-shm"));
        }
        return s.takeError();
    }
    return store;
}

Status ProjectStore::initialise(OpenMode mode) {
    const bool create = mode == OpenMode::Create;
    db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QString::fromStdString(connectionName_));
    if (!db_.isValid()) return makeError("cannot open '" + name_ + "': Qt's SQLite driver (QSQLITE) is not installed");
    db_.setDatabaseName(QString::fromStdString(path_));
    db_.setConnectOptions(mode == OpenMode::ReadOnly ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY")
                                                     : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db_.open()) return makeError("cannot open '" + name_ + "': " + db_.lastError().text().toStdString());
    statements_ = std::make_unique<SqlStatements>(db_);

    // SQLite reads the header lazily: garbage shows up on the first statement.
    auto appId = querySingle(db_, QStringLiteral("PRAGMA application_id"));
    if (!appId) return makeError("'" + name_ + "' is not an ActionLens project or is damaged (" + appId.error() + ")");
    if (!create && appId->toInt() != kProjectApplicationId)
        return makeError("'" + name_ + "' is an SQLite file but not an ActionLens project");

    if (!create) {
        // Catches damage before any edit lands on top of it. It reads the whole file, which is
        // the price of knowing; a damaged project must be restored from a backup, not edited.
        QSqlQuery check(db_);
        if (!check.exec(QStringLiteral("PRAGMA integrity_check")))
            return makeError("'" + name_ + "' is damaged and cannot be read (" + sqlErrorText(check) + ")");
        if (!check.next() || check.value(0).toString() != QLatin1String("ok"))
            return makeError("'" + name_ + "' is damaged (integrity check: " + check.value(0).toString().toStdString() +
                             "); restore it from a backup");
    }

    if (mode != OpenMode::ReadOnly) {
        auto journal = querySingle(db_, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!journal) return makeError("cannot open '" + name_ + "': " + journal.error());
        if (journal->toString() != QLatin1String("wal"))
            return makeError("cannot open '" + name_ + "' in WAL mode (the file system may not support it)");
        for (const char* pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"})
            if (Status s = execSql(db_, QString::fromUtf8(pragma)); !s) return makeError("cannot open '" + name_ + "': " + s.error());
    }

    auto version = schemaVersion();
    if (!version) return makeError("cannot open '" + name_ + "': " + version.error());
    if (version.value() > kSchemaVersion)
        return makeError("'" + name_ + "' was written by a newer ActionLens (schema version " + std::to_string(version.value()) +
                         "; this version reads up to " + std::to_string(kSchemaVersion) + ")");
    if (version.value() < kSchemaVersion && mode == OpenMode::ReadOnly)
        return makeError("'" + name_ + "' was written by an older ActionLens (schema version " + std::to_string(version.value()) +
                         "); open it once in ActionLens, which upgrades it, then read it again");
    if (version.value() < kSchemaVersion) {
        const int from = version.value();
        if (Status s = transaction([&] { return migrateSchema(db_, from); }); !s)
            return makeError("'" + name_ + "': " + s.error());
    }
    return reloadCaches();
}

Result<int> ProjectStore::schemaVersion() {
    auto version = querySingle(db_, QStringLiteral("PRAGMA user_version"));
    if (!version) return version.takeError();
    return version->toInt();
}

Result<std::string> ProjectStore::journalMode() {
    auto mode = querySingle(db_, QStringLiteral("PRAGMA journal_mode"));
    if (!mode) return mode.takeError();
    return mode->toString().toStdString();
}

Status ProjectStore::reloadCaches() {
    auto taxonomy = readTaxonomy();
    if (!taxonomy) return taxonomy.takeError();
    auto layouts = readSkeletonLayoutRows(db_);
    if (!layouts) return layouts.takeError();
    taxonomy_ = std::move(taxonomy).value();
    // Keep the layouts callers may point at: a rolled-back addition is dropped from the end,
    // the rest stay where they are; only a real difference replaces them.
    const std::vector<SkeletonLayout>& stored = layouts.value();
    if (stored.size() <= layouts_.size() && std::equal(stored.begin(), stored.end(), layouts_.begin())) {
        layouts_.resize(stored.size());
    } else {
        layouts_.assign(stored.begin(), stored.end());
    }
    return Status::success();
}

Status ProjectStore::transaction(const std::function<Status()>& body) {
    // Savepoints nest; the outermost one is the transaction, committed by its RELEASE.
    if (Status s = execSql(db_, QStringLiteral("SAVEPOINT edit")); !s)
        return makeError("cannot start a transaction on '" + name_ + "': " + s.error());
    ++transactionDepth_;
    Status result = body();
    if (result) {
        if (Status s = execSql(db_, QStringLiteral("RELEASE edit")); !s)
            result = makeError("cannot save '" + name_ + "': " + s.error());
    }
    if (!result) {
        (void)execSql(db_, QStringLiteral("ROLLBACK TO edit"));
        (void)execSql(db_, QStringLiteral("RELEASE edit"));
    }
    --transactionDepth_;
    // Cached copies may hold what was just rolled back.
    if (!result) (void)reloadCaches();
    return result;
}

Result<std::int64_t> ProjectStore::count(const char* table) {
    auto n = querySingle(db_, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
    if (!n) return n.takeError();
    return n->toLongLong();
}

Result<ProjectCounts> ProjectStore::counts() {
    ProjectCounts c;
    for (auto [table, out] : {std::pair<const char*, std::int64_t*>{"videos", &c.videos}, {"subjects", &c.subjects},
                              {"segments", &c.segments}, {"skeleton_frames", &c.skeletonFrames}}) {
        auto n = count(table);
        if (!n) return makeError("cannot count " + std::string(table) + ": " + n.error());
        *out = n.value();
    }
    return c;
}

Result<std::string> ProjectStore::infoValue(const std::string& key) {
    QSqlQuery q(db_);
    q.prepare(QStringLiteral("SELECT value FROM project_info WHERE key = ?"));
    q.bindValue(0, QString::fromStdString(key));
    if (!q.exec()) return makeError("cannot read '" + key + "' of '" + name_ + "': " + sqlErrorText(q));
    return q.next() ? q.value(0).toString().toStdString() : std::string();
}

Status ProjectStore::setInfoValue(const std::string& key, const std::string& value) {
    return transaction([&]() -> Status {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO project_info(key, value) VALUES (?, ?)"));
        bindAll(q, {QString::fromStdString(key), QString::fromStdString(value)});
        if (!q.exec()) return makeError("cannot write '" + key + "' of '" + name_ + "': " + sqlErrorText(q));
        return Status::success();
    });
}

}  // namespace actionlens::annotation
