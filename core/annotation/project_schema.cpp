#include "core/annotation/project_schema.h"

#include "core/annotation/skeleton_layout.h"
#include "core/annotation/skeleton_layout_rows.h"
#include "core/annotation/project_secret.h"
#include "core/annotation/sql_statements.h"

#include <QSqlQuery>

namespace actionlens::annotation {

namespace {

Status execAll(const QSqlDatabase& db, std::initializer_list<const char*> statements) {
    for (const char* sql : statements)
        if (Status s = execSql(db, QString::fromUtf8(sql)); !s) return s;
    return Status::success();
}

// Version 1: videos, the taxonomy, subjects and segments. Labels and attributes name their
// task and value rather than pointing at taxonomy rows, so that replacing the taxonomy (which
// rewrites its rows) keeps them; ProjectStore refuses a taxonomy that would orphan one.
Status createAnnotationTables(const QSqlDatabase& db) {
    return execAll(db, {
        "CREATE TABLE project_info(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE videos(id INTEGER PRIMARY KEY, path TEXT NOT NULL, size_bytes INTEGER NOT NULL,"
        " fps REAL NOT NULL, frame_count INTEGER NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL,"
        " content_hash TEXT NOT NULL DEFAULT '')",
        "CREATE INDEX videos_by_hash ON videos(content_hash)",
        "CREATE TABLE tasks(id INTEGER PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL UNIQUE,"
        " kind TEXT NOT NULL CHECK(kind IN ('action', 'attribute')),"
        " scope TEXT NOT NULL CHECK(scope IN ('segment', 'subject')))",
        "CREATE TABLE class_groups(id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL REFERENCES tasks(id)"
        " ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL, colour TEXT NOT NULL DEFAULT '',"
        " UNIQUE(task_id, name))",
        "CREATE TABLE task_values(id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL REFERENCES tasks(id)"
        " ON DELETE CASCADE, position INTEGER NOT NULL, name TEXT NOT NULL,"
        " group_id INTEGER REFERENCES class_groups(id) ON DELETE CASCADE, colour TEXT NOT NULL DEFAULT '',"
        " hotkey TEXT NOT NULL DEFAULT '', UNIQUE(task_id, name))",
        "CREATE TABLE subjects(id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
        "CREATE TABLE subject_attributes(subject_id INTEGER NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,"
        " task TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(subject_id, task)) WITHOUT ROWID",
        "CREATE TABLE segments(id INTEGER PRIMARY KEY, video_id INTEGER NOT NULL REFERENCES videos(id)"
        " ON DELETE CASCADE, subject_id INTEGER REFERENCES subjects(id), first_frame INTEGER NOT NULL,"
        " last_frame INTEGER NOT NULL, annotator TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL,"
        " modified_ms INTEGER NOT NULL, review TEXT NOT NULL DEFAULT 'unreviewed',"
        " CHECK(first_frame >= 0 AND last_frame >= first_frame))",
        "CREATE INDEX segments_by_video ON segments(video_id, first_frame)",
        "CREATE TABLE segment_labels(segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,"
        " task TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(segment_id, task)) WITHOUT ROWID",
    });
}

// Version 2: skeletons. One row per (video, subject, frame) with the joints packed in a BLOB
// (skeleton_blob.h): at 10 million joints a row per joint would be ~20x the rows and index.
// The primary key serves per-subject range reads; the second index serves "everyone in
// frames a..b", which is what the player asks for.
Status createSkeletonTables(const QSqlDatabase& db) {
    if (Status s = execAll(db, {
            "CREATE TABLE skeleton_layouts(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " joints TEXT NOT NULL, edges TEXT NOT NULL, mirror_pairs TEXT NOT NULL,"
            " builtin INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE skeleton_frames(video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
            " subject_id INTEGER NOT NULL REFERENCES subjects(id), frame INTEGER NOT NULL,"
            " layout_id INTEGER NOT NULL REFERENCES skeleton_layouts(id), source TEXT NOT NULL,"
            " joints BLOB NOT NULL, PRIMARY KEY(video_id, subject_id, frame)) WITHOUT ROWID",
            "CREATE INDEX skeleton_frames_by_frame ON skeleton_frames(video_id, frame)",
        });
        !s)
        return s;
    for (const SkeletonLayout& layout : builtinSkeletonLayouts())
        if (auto id = insertSkeletonLayoutRow(db, layout, true); !id) return id.takeError();
    return Status::success();
}

// Version 3: a display name per video (skeleton-only records have no file to be named after)
// and dataset split membership, one row per (video, split).
Status addVideoNamesAndSplits(const QSqlDatabase& db) {
    return execAll(db, {
        "ALTER TABLE videos ADD COLUMN name TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE video_splits(video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
        " split TEXT NOT NULL, PRIMARY KEY(video_id, split)) WITHOUT ROWID",
        "CREATE INDEX video_splits_by_split ON video_splits(split, video_id)",
    });
}

// Version 4: whether a class group may be given to a segment without an action.
Status addGroupOnlyLabels(const QSqlDatabase& db) {
    return execAll(db, {"ALTER TABLE class_groups ADD COLUMN allows_group_only INTEGER NOT NULL DEFAULT 0"});
}

// Version 5: model runs (training, evaluation, ablation) with their config, per-epoch history
// and metrics as JSON text, so the window lists runs trained anywhere, the CLI's included.
Status createTrainingRuns(const QSqlDatabase& db) {
    return execAll(db, {
        "CREATE TABLE training_runs(id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL"
        " CHECK(kind IN ('training', 'evaluation', 'ablation')), status TEXT NOT NULL"
        " CHECK(status IN ('running', 'finished', 'stopped', 'cancelled', 'failed')), origin TEXT NOT NULL DEFAULT '',"
        " parent_id INTEGER REFERENCES training_runs(id) ON DELETE SET NULL, config TEXT NOT NULL DEFAULT '',"
        " history TEXT NOT NULL DEFAULT '', metrics TEXT NOT NULL DEFAULT '', data TEXT NOT NULL DEFAULT '',"
        " checkpoint TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', started_ms INTEGER NOT NULL,"
        " ended_ms INTEGER NOT NULL DEFAULT 0, message TEXT NOT NULL DEFAULT '')",
    });
}

// Version 6: what mirroring a clip does to each task's labels (taxonomy.h: side-free tasks,
// mirror pairs of values), for label-aware augmentation.
Status addMirrorDeclarations(const QSqlDatabase& db) {
    return execAll(db, {"ALTER TABLE tasks ADD COLUMN side_free INTEGER NOT NULL DEFAULT 0",
                        "ALTER TABLE task_values ADD COLUMN mirror TEXT NOT NULL DEFAULT ''"});
}

// Version 7: model-assisted annotation. A predicted segment's confidence (NULL for people's
// segments) and, for a prediction a person accepted, the model that proposed it.
Status addSegmentConfidenceAndSource(const QSqlDatabase& db) {
    return execAll(db, {"ALTER TABLE segments ADD COLUMN confidence REAL",
                        "ALTER TABLE segments ADD COLUMN source TEXT NOT NULL DEFAULT ''"});
}

// Version 8: a subject's box in a frame beside its joints (a people detector's, or an imported
// one), NULL where none is known.
Status addSkeletonFrameBoxes(const QSqlDatabase& db) {
    return execAll(db, {"ALTER TABLE skeleton_frames ADD COLUMN box_x REAL", "ALTER TABLE skeleton_frames ADD COLUMN box_y REAL",
                        "ALTER TABLE skeleton_frames ADD COLUMN box_width REAL",
                        "ALTER TABLE skeleton_frames ADD COLUMN box_height REAL"});
}

// Version 9: privacy. A subject's consent (unknown until recorded) with a note and the date it
// was given or refused, and the secret pseudonyms are keyed with (core/privacy), made here so that
// every project has one and a reader beside the window can export under pseudonyms.
Status addConsentAndPseudonymSecret(const QSqlDatabase& db) {
    if (Status s = execAll(db, {"ALTER TABLE subjects ADD COLUMN consent TEXT NOT NULL DEFAULT 'unknown'"
                                " CHECK(consent IN ('unknown', 'given', 'refused', 'withdrawn'))",
                                "ALTER TABLE subjects ADD COLUMN consent_note TEXT NOT NULL DEFAULT ''",
                                "ALTER TABLE subjects ADD COLUMN consent_date TEXT NOT NULL DEFAULT ''"});
        !s)
        return s;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT OR IGNORE INTO project_info(key, value) VALUES (?, ?)"));
    bindAll(insert, {QString::fromLatin1(kPseudonymSecretKey), QString::fromStdString(newProjectSecret())});
    if (!insert.exec()) return makeError(sqlErrorText(insert));
    return Status::success();
}

// Version 10: interoperability. Where a frame came from in an imported dataset (a COCO image's
// file name and id), so an export gives the same names and ids back; and which annotators a
// video is assigned to (a video may be double-coded).
Status addFrameSourcesAndAssignments(const QSqlDatabase& db) {
    return execAll(db, {
        "CREATE TABLE frame_sources(video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
        " frame INTEGER NOT NULL CHECK(frame >= 0), name TEXT NOT NULL, source_id INTEGER,"
        " PRIMARY KEY(video_id, frame)) WITHOUT ROWID",
        "CREATE TABLE video_assignments(video_id INTEGER NOT NULL REFERENCES videos(id) ON DELETE CASCADE,"
        " annotator TEXT NOT NULL CHECK(annotator <> ''), PRIMARY KEY(video_id, annotator)) WITHOUT ROWID",
        "CREATE INDEX video_assignments_by_annotator ON video_assignments(annotator, video_id)",
    });
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> steps{
        {1, "videos, taxonomy, subjects and segments", &createAnnotationTables},
        {2, "skeleton layouts and per-frame skeletons", &createSkeletonTables},
        {3, "video names and dataset splits", &addVideoNamesAndSplits},
        {4, "group-only labels", &addGroupOnlyLabels},
        {5, "model runs", &createTrainingRuns},
        {6, "mirror declarations of the taxonomy", &addMirrorDeclarations},
        {7, "confidence and source of model-assisted segments", &addSegmentConfidenceAndSource},
        {8, "subjects' boxes in skeleton frames", &addSkeletonFrameBoxes},
        {9, "subjects' consent and the pseudonym secret", &addConsentAndPseudonymSecret},
        {10, "frames' sources and videos' annotators", &addFrameSourcesAndAssignments},
    };
    return steps;
}

Status migrateSchema(const QSqlDatabase& db, int fromVersion) {
    for (const Migration& step : migrations()) {
        if (step.toVersion <= fromVersion) continue;
        if (Status s = step.apply(db); !s)
            return makeError("cannot upgrade the project to schema version " + std::to_string(step.toVersion) +
                             " (" + step.summary + "): " + s.error());
        if (Status s = execSql(db, QStringLiteral("PRAGMA user_version = %1").arg(step.toVersion)); !s) return s;
    }
    return execSql(db, QStringLiteral("PRAGMA application_id = %1").arg(kProjectApplicationId));
}

}  // namespace actionlens::annotation
