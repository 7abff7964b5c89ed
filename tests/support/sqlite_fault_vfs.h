#pragma once

// SqliteFaultVfs: storage faults without mounting anything. A test-only SQLite VFS, registered
// as the process's default (sqlite3_vfs_register(..., 1)), that forwards everything to the VFS
// that was the default before and counts the writes and syncs of every file it opens. Armed, it
// fails the N-th write or sync from then on with the chosen code (SQLITE_FULL as a full disk,
// SQLITE_IOERR as a failing device), once or for every later write/sync until disarmed.
//
// Qt's QSQLITE driver on Debian links the system libsqlite3, the same library this links, so
// connections Qt opens after install() go through it. Connections opened before keep their VFS.
// Not thread-safe beyond what a single test thread needs: counters are atomics, arming is not.

namespace actionlens::testing {

class SqliteFaultVfs {
public:
    enum class Persistence { Once, FromThenOn };

    // Registers the shim as the default VFS (idempotent). False if SQLite refused.
    static bool install();

    // Starts counting from zero; nothing fails.
    static void count();
    // Starts counting from zero; the `n`-th write or sync (1-based) returns `sqliteCode`
    // (SQLITE_FULL or SQLITE_IOERR; an I/O error is reported as SQLITE_IOERR_WRITE/_FSYNC).
    static void failAt(int n, int sqliteCode, Persistence persistence = Persistence::Once);
    // Stops failing and counting.
    static void disarm();

    // Writes + syncs since the last count()/failAt().
    static int operations();
    static int writes();
    static int syncs();
    // Whether an armed fault has been returned at least once.
    static bool fired();
};

}  // namespace actionlens::testing
