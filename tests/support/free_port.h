#pragma once

// A TCP port on the loopback interface that nothing listens on right now (the system's choice),
// for tests that start a process group's store.

namespace actionlens::testing {

int freeLoopbackPort();

}  // namespace actionlens::testing
