#include "core/annotation/sql_statements.h"

#include <QSqlError>

namespace actionlens::annotation {

std::string sqlErrorText(const QSqlQuery& query) {
    const QSqlError e = query.lastError();
    const QString text = e.databaseText().isEmpty() ? e.text() : e.databaseText();
    return text.toStdString();
}

Status execSql(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) return makeError(sqlErrorText(query));
    return Status::success();
}

Result<QVariant> querySingle(const QSqlDatabase& db, const QString& sql) {
    QSqlQuery query(db);
    if (!query.exec(sql)) return makeError(sqlErrorText(query));
    if (!query.next()) return makeError("no result from: " + sql.toStdString());
    return query.value(0);
}

Result<QSqlQuery*> SqlStatements::prepared(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
        auto query = std::make_unique<QSqlQuery>(db_);
        // Forward-only: rows are streamed once, not buffered for scrolling back.
        query->setForwardOnly(true);
        if (!query->prepare(QString::fromUtf8(sql))) return makeError(sqlErrorText(*query));
        it = cache_.emplace(sql, std::move(query)).first;
    }
    it->second->finish();
    return it->second.get();
}

Status SqlStatements::execute(QSqlQuery& query, const std::string& what) {
    if (!query.exec()) return makeError(what + ": " + sqlErrorText(query));
    return Status::success();
}

}  // namespace actionlens::annotation
