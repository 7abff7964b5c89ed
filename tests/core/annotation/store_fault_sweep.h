#pragma once

// The storage-fault sweep shared by the store's and the importers' fault tests: an operation on
// a project is run once to count the writes and syncs it makes (SqliteFaultVfs), then again on
// a fresh copy of the same project for each of those points failing: with SQLITE_FULL from then
// on, and with SQLITE_IOERR once. Each time:
// - a failed call says so with a message naming the project file;
// - the file, reopened, passes integrity_check and ProjectStore::open;
// - it holds exactly the state before the call if the call failed, exactly the state after it
//   (as the clean run left it) if the call succeeded: never something in between;
// - after a failure the same store is still usable: the call made again without the fault
//   succeeds and leaves the clean run's state.

#include "tests/core/annotation/project_rows.h"
#include "tests/support/sqlite_fault_vfs.h"

#include "core/annotation/project_store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <string>

namespace actionlens::testing {

// The call under test, made ready by `prepare` on the freshly opened copy (the writes prepare
// makes are not faulted: e.g. the edit that an undo then reverses).
using FaultedCall = std::function<Status(annotation::ProjectStore&)>;
using PrepareCall = std::function<FaultedCall(annotation::ProjectStore&)>;

struct FaultSweepCounts {
    int writes = 0;        // of the clean run
    int syncs = 0;
    int runs = 0;          // faulted runs made
    int failed = 0;        // of them, calls that reported the fault
    int acknowledged = 0;  // calls that succeeded although a write failed (a checkpoint's, say)
};

// Where the sweep copies projects: a few thousand copies, each opened, checked and closed with
// fsyncs, so in memory (/dev/shm) where there is one; the faults come from the VFS, not the disk.
class FaultSweepFolder {
public:
    FaultSweepFolder()
        : dir_((QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath()) +
               QStringLiteral("/actionlens-faults-XXXXXX")) {}
    bool isValid() const { return dir_.isValid(); }
    std::string file(const std::string& name) const { return dir_.filePath(QString::fromStdString(name)).toStdString(); }
    std::string path() const { return dir_.path().toStdString(); }

private:
    QTemporaryDir dir_;
};

// Times a row holds (segments' created/modified) are "now" when written: not part of the state.
inline ProjectRows withoutClockColumns(ProjectRows rows) {
    for (std::string& row : rows["segments"]) {
        std::vector<std::string> fields;
        size_t start = 0;
        for (size_t bar; (bar = row.find('|', start)) != std::string::npos; start = bar + 1) fields.push_back(row.substr(start, bar - start));
        fields.push_back(row.substr(start));
        if (fields.size() > 7) fields[6] = fields[7] = "t";
        std::string joined;
        for (size_t i = 0; i < fields.size(); ++i) joined += (i ? "|" : "") + fields[i];
        row = joined;
    }
    std::sort(rows["segments"].begin(), rows["segments"].end());
    return rows;
}

inline void copyProject(const std::string& from, const std::string& to) {
    for (const char* suffix : {"", "-wal", "-shm"}) QFile::remove(QString::fromStdString(to + suffix));
    EXPECT_TRUE(QFile::copy(QString::fromStdString(from), QString::fromStdString(to))) << from << " -> " << to;
}

inline std::string fileNameOf(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

// `templateFile` is a closed project (no WAL beside it); `work` is where copies are made.
inline FaultSweepCounts sweepStorageFaults(const std::string& what, const std::string& templateFile, const std::string& work,
                                           const PrepareCall& prepare) {
    FaultSweepCounts counts;
    EXPECT_TRUE(SqliteFaultVfs::install());
    ProjectRows cleanAfter;
    {
        copyProject(templateFile, work);
        auto store = annotation::ProjectStore::open(work);
        EXPECT_TRUE(store.ok()) << what << ": " << store.error();
        if (!store) return counts;
        FaultedCall call = prepare(*store.value());
        SqliteFaultVfs::count();
        const Status s = call(*store.value());
        counts.writes = SqliteFaultVfs::writes();
        counts.syncs = SqliteFaultVfs::syncs();
        SqliteFaultVfs::disarm();
        EXPECT_TRUE(s.ok()) << what << ": the clean run failed: " << s.error();
        store.value().reset();
        cleanAfter = withoutClockColumns(readProjectRows(work));
    }
    const int points = counts.writes + counts.syncs;
    EXPECT_GT(points, 0) << what << ": the fault VFS saw no write (does Qt's QSQLITE driver link the system libsqlite3?)";
    // Two faults per point: a disk that is full from then on (the call fails, the project is
    // closed and reopened: what a crash right after would find), and one transient I/O error
    // (the call fails, then the same store makes it again without the fault).
    struct Fault {
        int code;
        SqliteFaultVfs::Persistence persistence;
        bool retry;
        const char* name;
    };
    const Fault faults[] = {{SQLITE_FULL, SqliteFaultVfs::Persistence::FromThenOn, false, "SQLITE_FULL from then on, reopened"},
                            {SQLITE_IOERR, SqliteFaultVfs::Persistence::Once, true, "SQLITE_IOERR once, made again"}};
    for (int point = 1; point <= points; ++point) {
        for (const Fault& fault : faults) {
            const std::string where = what + ", fault at write/sync " + std::to_string(point) + " of " + std::to_string(points) +
                                      " (" + fault.name + ")";
            copyProject(templateFile, work);
            auto store = annotation::ProjectStore::open(work);
            EXPECT_TRUE(store.ok()) << where << ": " << store.error();
            if (!store) return counts;
            FaultedCall call = prepare(*store.value());
            const ProjectRows before = withoutClockColumns(readProjectRows(work));
            SqliteFaultVfs::failAt(point, fault.code, fault.persistence);
            const Status s = call(*store.value());
            const bool fired = SqliteFaultVfs::fired();
            SqliteFaultVfs::disarm();
            ++counts.runs;
            if (!fired) {
                EXPECT_TRUE(s.ok()) << where << ": failed with no fault: " << s.error();
            }
            if (!s) {
                ++counts.failed;
                EXPECT_NE(s.error().find(fileNameOf(work)), std::string::npos)
                    << where << ": the message does not name the project: " << s.error();
                // What another reader (the CLI beside the window) sees while the store stays open.
                EXPECT_TRUE(withoutClockColumns(readProjectRows(work)) == before) << where << ": the call failed but the project changed";
            } else if (fired) {
                ++counts.acknowledged;
            }
            const bool madeAgain = fault.retry && !s;
            if (madeAgain) {
                const Status again = call(*store.value());
                EXPECT_TRUE(again.ok()) << where << ": the store is not usable after the fault: " << again.error();
            }
            store.value().reset();
            EXPECT_EQ(checkProjectFile(work), "ok") << where;
            {
                auto reopened = annotation::ProjectStore::open(work);
                EXPECT_TRUE(reopened.ok()) << where << ": " << reopened.error();
            }
            const ProjectRows rows = withoutClockColumns(readProjectRows(work));
            if (s.ok() || madeAgain)
                EXPECT_TRUE(rows == cleanAfter) << where << ": the acknowledged state is not what the clean run left";
            else
                EXPECT_TRUE(rows == before) << where << ": the call failed but the reopened project changed";
            if (::testing::Test::HasFailure()) return counts;  // one point's report is enough
        }
    }
    return counts;
}

}  // namespace actionlens::testing
