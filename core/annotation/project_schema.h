#pragma once

// The schema of a project file and how older files are brought up to date. The version lives
// in PRAGMA user_version; migrations()[i] upgrades a file from version i to i + 1, so a new
// release appends a step and never edits an old one (files in the field were made by it).

#include "core/common/result.h"

#include <QSqlDatabase>

#include <vector>

namespace actionlens::annotation {

inline constexpr int kSchemaVersion = 10;
// PRAGMA application_id, "ALPR": tells an ActionLens project from any other SQLite file.
inline constexpr int kProjectApplicationId = 0x414c5052;

struct Migration {
    int toVersion;
    const char* summary;
    Status (*apply)(const QSqlDatabase& db);
};

const std::vector<Migration>& migrations();

// Runs the steps from `fromVersion` up to kSchemaVersion and records the new version. The
// caller holds a transaction, so a failing step leaves the file as it was.
Status migrateSchema(const QSqlDatabase& db, int fromVersion);

}  // namespace actionlens::annotation
