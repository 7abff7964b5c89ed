// ProjectStore: the taxonomy, stored in normalised tables (tasks, class_groups, task_values).

#include "core/annotation/group_only_label.h"
#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <map>

namespace actionlens::annotation {

namespace {
QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QVariant& v) { return v.toString().toStdString(); }
}  // namespace

Result<Taxonomy> ProjectStore::readTaxonomy() {
    Taxonomy taxonomy;
    auto name = querySingle(db_, QStringLiteral("SELECT coalesce((SELECT value FROM project_info WHERE key = 'taxonomy_name'), '')"));
    if (!name) return makeError("cannot read the taxonomy: " + name.error());
    taxonomy.name = ss(name.value());
    std::map<qint64, size_t> taskIndex;
    std::map<qint64, std::string> groupNames;
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT id, name, kind, scope, side_free FROM tasks ORDER BY position")))
        return makeError("cannot read the taxonomy: " + sqlErrorText(q));
    while (q.next()) {
        TaskDefinition task;
        task.name = ss(q.value(1));
        task.sideFree = q.value(4).toBool();
        if (!parseTaskKind(ss(q.value(2)), &task.kind) || !parseTaskScope(ss(q.value(3)), &task.scope))
            return makeError("task '" + task.name + "' is damaged in the project file");
        taskIndex[q.value(0).toLongLong()] = taxonomy.tasks.size();
        taxonomy.tasks.push_back(std::move(task));
    }
    if (!q.exec(QStringLiteral("SELECT id, task_id, name, colour, allows_group_only FROM class_groups ORDER BY position")))
        return makeError("cannot read the taxonomy: " + sqlErrorText(q));
    while (q.next()) {
        groupNames[q.value(0).toLongLong()] = ss(q.value(2));
        taxonomy.tasks.at(taskIndex.at(q.value(1).toLongLong())).groups.push_back({ss(q.value(2)), ss(q.value(3)), q.value(4).toBool()});
    }
    if (!q.exec(QStringLiteral("SELECT task_id, name, group_id, colour, hotkey, mirror FROM task_values ORDER BY position")))
        return makeError("cannot read the taxonomy: " + sqlErrorText(q));
    while (q.next()) {
        const std::string group = q.value(2).isNull() ? std::string() : groupNames[q.value(2).toLongLong()];
        taxonomy.tasks.at(taskIndex.at(q.value(0).toLongLong()))
            .values.push_back({ss(q.value(1)), group, ss(q.value(3)), ss(q.value(4)), ss(q.value(5))});
    }
    return taxonomy;
}

Status ProjectStore::writeTaxonomy(const Taxonomy& taxonomy) {
    // task_values and class_groups go with their tasks (ON DELETE CASCADE).
    if (Status s = execSql(db_, QStringLiteral("DELETE FROM tasks")); !s) return s;
    QSqlQuery info(db_);
    info.prepare(QStringLiteral("INSERT OR REPLACE INTO project_info(key, value) VALUES ('taxonomy_name', ?)"));
    info.bindValue(0, qs(taxonomy.name));
    if (!info.exec()) return makeError(sqlErrorText(info));
    QSqlQuery task(db_), group(db_), value(db_);
    task.prepare(QStringLiteral("INSERT INTO tasks(position, name, kind, scope, side_free) VALUES (?, ?, ?, ?, ?)"));
    group.prepare(QStringLiteral("INSERT INTO class_groups(task_id, position, name, colour, allows_group_only) VALUES (?, ?, ?, ?, ?)"));
    value.prepare(QStringLiteral("INSERT INTO task_values(task_id, position, name, group_id, colour, hotkey, mirror) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (size_t t = 0; t < taxonomy.tasks.size(); ++t) {
        const TaskDefinition& def = taxonomy.tasks[t];
        bindAll(task, {qint64(t), qs(def.name), taskKindName(def.kind), taskScopeName(def.scope), int(def.sideFree)});
        if (!task.exec()) return makeError(sqlErrorText(task));
        const qint64 taskId = task.lastInsertId().toLongLong();
        std::map<std::string, qint64> groupIds;
        for (size_t g = 0; g < def.groups.size(); ++g) {
            bindAll(group, {taskId, qint64(g), qs(def.groups[g].name), qs(def.groups[g].colour), int(def.groups[g].allowsGroupOnly)});
            if (!group.exec()) return makeError(sqlErrorText(group));
            groupIds[def.groups[g].name] = group.lastInsertId().toLongLong();
        }
        for (size_t v = 0; v < def.values.size(); ++v) {
            const TaskValue& tv = def.values[v];
            const auto groupId = groupIds.find(tv.group);
            bindAll(value, {taskId, qint64(v), qs(tv.name), groupId == groupIds.end() ? QVariant() : QVariant(groupId->second),
                            qs(tv.colour), qs(tv.hotkey), qs(tv.mirror)});
            if (!value.exec()) return makeError(sqlErrorText(value));
        }
    }
    return Status::success();
}

Status ProjectStore::checkLabelsInUse(const Taxonomy& taxonomy) {
    // Labels already given must stay meaningful: refuse rather than leave orphans.
    QSqlQuery used(db_);
    if (!used.exec(QStringLiteral("SELECT 'segment', task, value, count(*) FROM segment_labels GROUP BY task, value"
                                  " UNION ALL SELECT 'subject', task, value, count(*) FROM subject_attributes GROUP BY task, value")))
        return makeError("cannot check labels in use: " + sqlErrorText(used));
    while (used.next()) {
        const bool perSubject = used.value(0).toString() == QLatin1String("subject");
        const std::string task = ss(used.value(1)), value = ss(used.value(2));
        const Status fits = !perSubject && task == kGroupOnlyLabelKey
                                ? checkGroupOnlyLabel(taxonomy, value)
                                : checkLabel(taxonomy, perSubject ? TaskScope::Subject : TaskScope::Segment, task, value);
        if (!fits)
            return makeError("the new taxonomy does not fit the project: " + fits.error() + ", but " +
                             std::to_string(used.value(3).toLongLong()) + (perSubject ? " subjects use it" : " segments use it"));
    }
    return Status::success();
}

Result<Taxonomy> ProjectStore::setTaxonomy(const Taxonomy& taxonomy) {
    if (Status s = validateTaxonomy(taxonomy); !s) return s.takeError();
    if (Status s = checkLabelsInUse(taxonomy); !s) return s.takeError();
    Taxonomy old = taxonomy_;
    Status s = transaction([&]() -> Status {
        if (Status w = writeTaxonomy(taxonomy); !w) return makeError("cannot store the taxonomy: " + w.error());
        taxonomy_ = taxonomy;
        return Status::success();
    });
    if (!s) return s.takeError();
    return old;
}

}  // namespace actionlens::annotation
