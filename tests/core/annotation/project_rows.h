#pragma once

// Every row of every table of a project file, read through a connection of its own: what "the
// same project" means to the snapshot and import-undo tests (ids, labels, joints, the taxonomy
// rows, project_info and the schema pragmas all count). Also SQLite's own checks of the file.

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace actionlens::testing {

using ProjectRows = std::map<std::string, std::vector<std::string>>;

namespace detail {

template <typename Body>
bool withConnection(const std::string& path, Body body, bool readOnly = true) {
    const QString name = QStringLiteral("rows-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool opened = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QString::fromStdString(path));
        if (readOnly) db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        opened = db.open();
        if (opened) body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

inline QString rowText(const QSqlQuery& query) {
    QStringList values;
    const QSqlRecord record = query.record();
    for (int c = 0; c < record.count(); ++c) {
        const QVariant v = query.value(c);
        if (v.isNull())
            values << QStringLiteral("NULL");
        else if (v.typeId() == QMetaType::QByteArray)
            values << QStringLiteral("x'%1'").arg(QString::fromLatin1(v.toByteArray().toHex()));
        else
            values << v.toString();
    }
    return values.join(QLatin1Char('|'));
}

}  // namespace detail

// Rows of each table as text, sorted; "@pragmas" holds user_version and application_id.
inline ProjectRows readProjectRows(const std::string& path) {
    ProjectRows rows;
    const bool opened = detail::withConnection(path, [&](QSqlDatabase& db) {
        QSqlQuery pragmas(db);
        for (const char* pragma : {"PRAGMA user_version", "PRAGMA application_id"})
            if (pragmas.exec(QString::fromLatin1(pragma)) && pragmas.next())
                rows["@pragmas"].push_back(std::string(pragma) + "=" + pragmas.value(0).toString().toStdString());
        QSqlQuery tables(db);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QStringList names;
        while (tables.next()) names << tables.value(0).toString();
        for (const QString& table : names) {
            std::vector<std::string>& out = rows[table.toStdString()];
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table))) {
                out.push_back("unreadable");
                continue;
            }
            while (query.next()) out.push_back(detail::rowText(query).toStdString());
            std::sort(out.begin(), out.end());
        }
    });
    if (!opened) rows["@error"].push_back("cannot open " + path);
    return rows;
}

// "ok" when PRAGMA integrity_check finds nothing and no foreign key points nowhere.
inline std::string checkProjectFile(const std::string& path) {
    std::string verdict = "cannot open " + path;
    detail::withConnection(path, [&](QSqlDatabase& db) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")) || !query.next()) {
            verdict = "integrity_check did not run";
            return;
        }
        verdict = query.value(0).toString().toStdString();
        if (verdict != "ok") return;
        QSqlQuery keys(db);
        if (keys.exec(QStringLiteral("PRAGMA foreign_key_check")) && keys.next())
            verdict = "foreign key of " + keys.value(0).toString().toStdString() + " points nowhere";
    });
    return verdict;
}

inline std::size_t rowCount(const ProjectRows& rows) {
    std::size_t n = 0;
    for (const auto& [table, r] : rows) n += r.size();
    return n;
}

}  // namespace actionlens::testing
