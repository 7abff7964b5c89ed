// ProjectStore: changing the taxonomy of a project that has labels (renames carried into the
// labels, deleted classes relabelled or cleared), with an exact undo.

#include "core/annotation/project_store.h"
#include "core/annotation/sql_statements.h"

#include <QSqlError>

#include <map>

namespace actionlens::annotation {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
std::string ss(const QVariant& v) { return v.toString().toStdString(); }

// Table and owner column of each kind of label row.
const char* tableOf(LabelOwner owner) { return owner == LabelOwner::Subject ? "subject_attributes" : "segment_labels"; }
const char* ownerColumnOf(LabelOwner owner) { return owner == LabelOwner::Subject ? "subject_id" : "segment_id"; }

}  // namespace

Status ProjectStore::writeLabelRows(const std::vector<LabelRow>& remove, const std::vector<LabelRow>& insert) {
    // One prepared statement per table and kind: a rename may touch every segment of a project.
    std::map<LabelOwner, QSqlQuery> deletes, inserts;
    for (LabelOwner owner : {LabelOwner::Segment, LabelOwner::Subject}) {
        QSqlQuery del(db_), ins(db_);
        if (!del.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND task = ? AND value = ?")
                             .arg(QLatin1String(tableOf(owner)), QLatin1String(ownerColumnOf(owner)))) ||
            !ins.prepare(QStringLiteral("INSERT INTO %1(%2, task, value) VALUES (?, ?, ?)")
                             .arg(QLatin1String(tableOf(owner)), QLatin1String(ownerColumnOf(owner)))))
            return makeError("cannot rewrite labels: " + sqlErrorText(del.lastError().isValid() ? del : ins));
        deletes.emplace(owner, std::move(del));
        inserts.emplace(owner, std::move(ins));
    }
    // All deletions before any insertion: a change may swap two names (a -> b, b -> a).
    for (const LabelRow& row : remove) {
        QSqlQuery& q = deletes.at(row.owner);
        bindAll(q, {qint64(row.ownerId), qs(row.task), qs(row.value)});
        if (!q.exec()) return makeError("cannot rewrite labels: " + sqlErrorText(q));
        if (q.numRowsAffected() != 1)
            return makeError(std::string("the project changed under the edit: ") +
                             (row.owner == LabelOwner::Subject ? "subject " : "segment ") + std::to_string(row.ownerId) +
                             " no longer has " + row.task + " = '" + row.value + "'");
    }
    for (const LabelRow& row : insert) {
        QSqlQuery& q = inserts.at(row.owner);
        bindAll(q, {qint64(row.ownerId), qs(row.task), qs(row.value)});
        if (!q.exec()) return makeError("cannot rewrite labels: " + sqlErrorText(q));
    }
    return Status::success();
}

Result<AppliedTaxonomyChange> ProjectStore::changeTaxonomy(const Taxonomy& after, const std::vector<LabelRewrite>& rewrites) {
    if (Status s = validateTaxonomy(after); !s) return s.takeError();
    AppliedTaxonomyChange change;
    change.before = taxonomy_;
    change.after = after;
    // Every rewrite reads the rows as they are before any is applied, so they act at once.
    std::map<std::pair<std::string, std::string>, const LabelRewrite*> byLabel;
    for (const LabelRewrite& r : rewrites) {
        if (!byLabel.emplace(std::make_pair(r.task, r.value), &r).second)
            return makeError("two rewrites of " + r.task + " = '" + r.value + "'");
    }
    for (LabelOwner owner : {LabelOwner::Segment, LabelOwner::Subject}) {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral("SELECT %1 FROM %2 WHERE task = ? AND value = ? ORDER BY %1")
                      .arg(QLatin1String(ownerColumnOf(owner)), QLatin1String(tableOf(owner))));
        for (const LabelRewrite& r : rewrites) {
            bindAll(q, {qs(r.task), qs(r.value)});
            if (!q.exec()) return makeError("cannot read labels in use: " + sqlErrorText(q));
            while (q.next()) {
                const std::int64_t id = q.value(0).toLongLong();
                change.removedRows.push_back({owner, id, r.task, r.value});
                if (!r.clears()) change.addedRows.push_back({owner, id, r.toTask, r.toValue});
            }
        }
    }
    Status s = transaction([&]() -> Status {
        if (Status w = writeLabelRows(change.removedRows, change.addedRows); !w) return w;
        if (Status c = checkLabelsInUse(after); !c) return c;
        if (Status w = writeTaxonomy(after); !w) return makeError("cannot store the taxonomy: " + w.error());
        return Status::success();
    });
    if (!s) return s.takeError();
    taxonomy_ = after;
    return change;
}

Status ProjectStore::revertTaxonomyChange(const AppliedTaxonomyChange& change) {
    Status s = transaction([&]() -> Status {
        if (Status w = writeLabelRows(change.addedRows, change.removedRows); !w) return w;
        if (Status w = writeTaxonomy(change.before); !w) return makeError("cannot store the taxonomy: " + w.error());
        return Status::success();
    });
    if (s) taxonomy_ = change.before;
    return s;
}

Status ProjectStore::replayTaxonomyChange(const AppliedTaxonomyChange& change) {
    Status s = transaction([&]() -> Status {
        if (Status w = writeLabelRows(change.removedRows, change.addedRows); !w) return w;
        if (Status w = writeTaxonomy(change.after); !w) return makeError("cannot store the taxonomy: " + w.error());
        return Status::success();
    });
    if (s) taxonomy_ = change.after;
    return s;
}

Result<std::vector<LabelUsage>> ProjectStore::labelUsage() {
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("SELECT 0, task, value, count(*) FROM segment_labels GROUP BY task, value"
                               " UNION ALL SELECT 1, task, value, count(*) FROM subject_attributes GROUP BY task, value")))
        return makeError("cannot count labels in use: " + sqlErrorText(q));
    std::vector<LabelUsage> usage;
    while (q.next())
        usage.push_back({q.value(0).toInt() ? LabelOwner::Subject : LabelOwner::Segment, ss(q.value(1)), ss(q.value(2)),
                         q.value(3).toLongLong()});
    return usage;
}

}  // namespace actionlens::annotation
