#include "tests/support/sqlite_fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace actionlens::testing {

namespace {

sqlite3_vfs* realVfs = nullptr;
sqlite3_vfs faultVfs;

std::atomic<bool> counting{false};
std::atomic<int> writeCount{0};
std::atomic<int> syncCount{0};
std::atomic<int> totalCount{0};  // writes and syncs, in the order they came
std::atomic<int> failIndex{0};  // 0: no fault armed
std::atomic<int> failCode{SQLITE_IOERR};
std::atomic<bool> failOnce{true};
std::atomic<bool> hasFired{false};

// The file as the shim sees it: its own methods first (SQLite's layout for a wrapping VFS),
// the real VFS's file right after.
struct FaultFile {
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* realOf(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

// Counts one write or sync; returns the code to fail it with, or SQLITE_OK.
int nextOperation(bool isWrite) {
    if (!counting.load()) return SQLITE_OK;
    (isWrite ? writeCount : syncCount).fetch_add(1);
    const int n = totalCount.fetch_add(1) + 1;
    const int at = failIndex.load();
    if (at == 0 || n < at || (failOnce.load() && n != at)) return SQLITE_OK;
    hasFired = true;
    const int code = failCode.load();
    if (code == SQLITE_IOERR) return isWrite ? SQLITE_IOERR_WRITE : SQLITE_IOERR_FSYNC;
    return code;
}

int xClose(sqlite3_file* f) {
    sqlite3_file* real = realOf(f);
    const int rc = real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
    sqlite3_free(real);
    return rc;
}
int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
    return realOf(f)->pMethods->xRead(realOf(f), buffer, amount, offset);
}
int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
    if (int rc = nextOperation(true); rc != SQLITE_OK) return rc;
    return realOf(f)->pMethods->xWrite(realOf(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file* f, sqlite3_int64 size) { return realOf(f)->pMethods->xTruncate(realOf(f), size); }
int xSync(sqlite3_file* f, int flags) {
    if (int rc = nextOperation(false); rc != SQLITE_OK) return rc;
    return realOf(f)->pMethods->xSync(realOf(f), flags);
}
int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return realOf(f)->pMethods->xFileSize(realOf(f), size); }
int xLock(sqlite3_file* f, int lock) { return realOf(f)->pMethods->xLock(realOf(f), lock); }
int xUnlock(sqlite3_file* f, int lock) { return realOf(f)->pMethods->xUnlock(realOf(f), lock); }
int xCheckReservedLock(sqlite3_file* f, int* out) { return realOf(f)->pMethods->xCheckReservedLock(realOf(f), out); }
int xFileControl(sqlite3_file* f, int op, void* arg) { return realOf(f)->pMethods->xFileControl(realOf(f), op, arg); }
int xSectorSize(sqlite3_file* f) { return realOf(f)->pMethods->xSectorSize(realOf(f)); }
int xDeviceCharacteristics(sqlite3_file* f) { return realOf(f)->pMethods->xDeviceCharacteristics(realOf(f)); }
int xShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return realOf(f)->pMethods->xShmMap(realOf(f), region, size, extend, out);
}
int xShmLock(sqlite3_file* f, int offset, int n, int flags) { return realOf(f)->pMethods->xShmLock(realOf(f), offset, n, flags); }
void xShmBarrier(sqlite3_file* f) { realOf(f)->pMethods->xShmBarrier(realOf(f)); }
int xShmUnmap(sqlite3_file* f, int deleteFlag) { return realOf(f)->pMethods->xShmUnmap(realOf(f), deleteFlag); }

// Version 2 methods: WAL's shared memory passes through; no memory-mapped I/O (version 3), so
// every page SQLite writes goes through xWrite and is counted.
const sqlite3_io_methods faultMethods = {
    2,         xClose,     xRead,        xWrite,   xTruncate,   xSync,     xFileSize,
    xLock,     xUnlock,    xCheckReservedLock,     xFileControl, xSectorSize, xDeviceCharacteristics,
    xShmMap,   xShmLock,   xShmBarrier,  xShmUnmap, nullptr,    nullptr};

int xOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags) {
    auto* wrapper = reinterpret_cast<FaultFile*>(file);
    wrapper->base.pMethods = nullptr;
    wrapper->real = static_cast<sqlite3_file*>(sqlite3_malloc(realVfs->szOsFile));
    if (!wrapper->real) return SQLITE_NOMEM;
    std::memset(wrapper->real, 0, static_cast<size_t>(realVfs->szOsFile));
    const int rc = realVfs->xOpen(realVfs, name, wrapper->real, flags, outFlags);
    if (rc != SQLITE_OK || !wrapper->real->pMethods) {
        if (wrapper->real->pMethods) wrapper->real->pMethods->xClose(wrapper->real);
        sqlite3_free(wrapper->real);
        wrapper->real = nullptr;
        return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
    }
    wrapper->base.pMethods = &faultMethods;
    return SQLITE_OK;
}
int xDelete(sqlite3_vfs*, const char* name, int syncDir) { return realVfs->xDelete(realVfs, name, syncDir); }
int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) { return realVfs->xAccess(realVfs, name, flags, out); }
int xFullPathname(sqlite3_vfs*, const char* name, int n, char* out) { return realVfs->xFullPathname(realVfs, name, n, out); }
void* xDlOpen(sqlite3_vfs*, const char* name) { return realVfs->xDlOpen(realVfs, name); }
void xDlError(sqlite3_vfs*, int n, char* out) { realVfs->xDlError(realVfs, n, out); }
void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) { return realVfs->xDlSym(realVfs, handle, symbol); }
void xDlClose(sqlite3_vfs*, void* handle) { realVfs->xDlClose(realVfs, handle); }
int xRandomness(sqlite3_vfs*, int n, char* out) { return realVfs->xRandomness(realVfs, n, out); }
int xSleep(sqlite3_vfs*, int micros) { return realVfs->xSleep(realVfs, micros); }
int xCurrentTime(sqlite3_vfs*, double* out) { return realVfs->xCurrentTime(realVfs, out); }
int xGetLastError(sqlite3_vfs*, int n, char* out) { return realVfs->xGetLastError(realVfs, n, out); }
int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) { return realVfs->xCurrentTimeInt64(realVfs, out); }

}  // namespace

bool SqliteFaultVfs::install() {
    if (realVfs) return true;
    if (sqlite3_initialize() != SQLITE_OK) return false;
    sqlite3_vfs* current = sqlite3_vfs_find(nullptr);
    if (!current) return false;
    faultVfs = sqlite3_vfs{};
    faultVfs.iVersion = 2;
    faultVfs.szOsFile = static_cast<int>(sizeof(FaultFile));
    faultVfs.mxPathname = current->mxPathname;
    faultVfs.zName = "actionlens-fault";
    faultVfs.xOpen = xOpen;
    faultVfs.xDelete = xDelete;
    faultVfs.xAccess = xAccess;
    faultVfs.xFullPathname = xFullPathname;
    faultVfs.xDlOpen = xDlOpen;
    faultVfs.xDlError = xDlError;
    faultVfs.xDlSym = xDlSym;
    faultVfs.xDlClose = xDlClose;
    faultVfs.xRandomness = xRandomness;
    faultVfs.xSleep = xSleep;
    faultVfs.xCurrentTime = xCurrentTime;
    faultVfs.xGetLastError = xGetLastError;
    faultVfs.xCurrentTimeInt64 = current->iVersion >= 2 ? xCurrentTimeInt64 : nullptr;
    realVfs = current;
    if (sqlite3_vfs_register(&faultVfs, 1) != SQLITE_OK) {
        realVfs = nullptr;
        return false;
    }
    return true;
}

void SqliteFaultVfs::count() {
    failIndex = 0;
    writeCount = 0;
    syncCount = 0;
    totalCount = 0;
    hasFired = false;
    counting = true;
}

void SqliteFaultVfs::failAt(int n, int sqliteCode, Persistence persistence) {
    count();
    failCode = sqliteCode;
    failOnce = persistence == Persistence::Once;
    failIndex = n;
}

void SqliteFaultVfs::disarm() {
    counting = false;
    failIndex = 0;
}

int SqliteFaultVfs::operations() { return totalCount.load(); }
int SqliteFaultVfs::writes() { return writeCount.load(); }
int SqliteFaultVfs::syncs() { return syncCount.load(); }
bool SqliteFaultVfs::fired() { return hasFired.load(); }

}  // namespace actionlens::testing
