#pragma once

// Small helpers over Qt Sql for the project store (internal to core/annotation): statements
// that report failures as a Status with SQLite's own words, and a cache of prepared
// statements, because an importer runs the same INSERT millions of times.

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QSqlQuery>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>

namespace actionlens::annotation {

std::string sqlErrorText(const QSqlQuery& query);

// Binds positional values by index (addBindValue would keep counting across reuses).
inline void bindAll(QSqlQuery& query, std::initializer_list<QVariant> values) {
    int i = 0;
    for (const QVariant& v : values) query.bindValue(i++, v);
}

// Runs one statement that returns no rows of interest.
Status execSql(const QSqlDatabase& db, const QString& sql);
// The first column of the first row, or an error if the statement fails or returns no row.
Result<QVariant> querySingle(const QSqlDatabase& db, const QString& sql);

class SqlStatements {
public:
    explicit SqlStatements(QSqlDatabase db) : db_(std::move(db)) {}

    // The statement prepared once per store; bind with addBindValue, then run with execute().
    Result<QSqlQuery*> prepared(const char* sql);
    // Executes a prepared statement; on failure the message is prefixed with `what`.
    static Status execute(QSqlQuery& query, const std::string& what);
    // Finalises every statement: required before the connection is closed.
    void clear() { cache_.clear(); }

private:
    QSqlDatabase db_;
    std::map<std::string, std::unique_ptr<QSqlQuery>> cache_;
};

}  // namespace actionlens::annotation
