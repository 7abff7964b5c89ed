#pragma once

// A test binary that dies from a signal (segmentation fault, abort, ...) leaves little behind
// when its output goes to a file on a remote machine. installCrashReport() makes such a death
// print the signal and a stack trace to stderr first, then die the same way (same exit status);
// reportTestsFinished() marks that every test ran, so a crash after it is one at exit (static
// destructors, library unloading), not in a test.

namespace actionlens::test {

void installCrashReport();
void reportTestsFinished(int result);

}  // namespace actionlens::test
