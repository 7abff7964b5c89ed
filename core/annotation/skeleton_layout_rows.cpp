#include "core/annotation/skeleton_layout_rows.h"

#include "core/annotation/sql_statements.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace actionlens::annotation {

namespace {

QString pairsToJson(const std::vector<std::pair<int, int>>& pairs) {
    QJsonArray array;
    for (const auto& [a, b] : pairs) array.append(QJsonArray{a, b});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool pairsFromJson(const QString& text, std::vector<std::pair<int, int>>* pairs) {
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isArray()) return false;
    for (const QJsonValue& v : doc.array()) {
        const QJsonArray pair = v.toArray();
        if (pair.size() != 2) return false;
        pairs->emplace_back(pair[0].toInt(), pair[1].toInt());
    }
    return true;
}

}  // namespace

Result<std::int64_t> insertSkeletonLayoutRow(const QSqlDatabase& db, const SkeletonLayout& layout, bool builtin) {
    if (Status s = validateSkeletonLayout(layout); !s) return s.takeError();
    QJsonArray joints;
    for (const std::string& j : layout.joints) joints.append(QString::fromStdString(j));
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO skeleton_layouts(name, joints, edges, mirror_pairs, builtin)"
                                 " VALUES (?, ?, ?, ?, ?)"));
    bindAll(query, {QString::fromStdString(layout.name),
                    QString::fromUtf8(QJsonDocument(joints).toJson(QJsonDocument::Compact)),
                    pairsToJson(layout.edges), pairsToJson(layout.mirrorPairs), builtin ? 1 : 0});
    if (!query.exec()) return makeError("cannot store skeleton layout '" + layout.name + "': " + sqlErrorText(query));
    return query.lastInsertId().toLongLong();
}

Result<std::vector<SkeletonLayout>> readSkeletonLayoutRows(const QSqlDatabase& db) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, joints, edges, mirror_pairs FROM skeleton_layouts ORDER BY id")))
        return makeError("cannot read skeleton layouts: " + sqlErrorText(query));
    std::vector<SkeletonLayout> layouts;
    while (query.next()) {
        SkeletonLayout layout;
        layout.id = query.value(0).toLongLong();
        layout.name = query.value(1).toString().toStdString();
        const QJsonDocument joints = QJsonDocument::fromJson(query.value(2).toString().toUtf8());
        for (const QJsonValue& j : joints.array()) layout.joints.push_back(j.toString().toStdString());
        if (!joints.isArray() || !pairsFromJson(query.value(3).toString(), &layout.edges) ||
            !pairsFromJson(query.value(4).toString(), &layout.mirrorPairs))
            return makeError("skeleton layout '" + layout.name + "' is damaged in the project file");
        layouts.push_back(std::move(layout));
    }
    return layouts;
}

}  // namespace actionlens::annotation
