#pragma once

// A group of training processes (data-parallel training) on PyTorch's own distributed engine,
// c10d: a TCPStore for the rendezvous and ProcessGroupGloo (CPU) or ProcessGroupNCCL (CUDA) for
// the collectives, so that runs are launched the way PyTorch users launch theirs: torchrun, or
// the same environment variables set by hand or by a scheduler (Slurm). LibTorch stays behind a
// pimpl; core/train's sources reach the collectives through internal/collectives.h.

#include "core/common/result.h"

#include <memory>
#include <string>

namespace actionlens::train {

// Where this process stands in the run: torchrun's variables (MASTER_ADDR, MASTER_PORT, RANK,
// WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE).
struct DistributedEnvironment {
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    int localWorldSize = 1;
    // torchrun's agent hosts the store itself (TORCHELASTIC_USE_AGENT_STORE) and counts restarts
    // (TORCHELASTIC_RESTART_COUNT): then every rank is a client, under the attempt's prefix.
    bool agentHostsStore = false;
    int restartCount = 0;
};

// Reads the variables; a missing or malformed one is an error naming it and saying how runs are
// launched.
Result<DistributedEnvironment> distributedEnvironmentFromVariables();

struct ProcessGroupOptions {
    std::string backend = "auto";  // auto (NCCL for CUDA, Gloo for the CPU), gloo, nccl
    std::string device = "auto";   // the training device: auto, cpu, cuda (picks the backend)
    // A collective that waits longer (a rank died or hangs) fails with an error instead of waiting
    // for ever; also the time the rendezvous waits for every rank to arrive.
    double timeoutSeconds = 300.0;
};

class ProcessGroup {
public:
    // Joins the group (rank 0 hosts the store unless torchrun's agent does); returns when every
    // rank has arrived or fails after the timeout with a message naming the address and ranks.
    static Result<std::unique_ptr<ProcessGroup>> join(const DistributedEnvironment& environment,
                                                      const ProcessGroupOptions& options = {});
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const;
    int size() const;
    int localRank() const;
    std::string backend() const;  // "gloo" or "nccl"
    double timeoutSeconds() const;
    // Waits for every rank (an all-reduce of one number); an error when one has gone.
    Status barrier();

    struct Impl;
    Impl& impl() { return *impl_; }

private:
    explicit ProcessGroup(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Whether this build can make groups with the backend ("gloo", "nccl").
bool processGroupBackendAvailable(const std::string& backend);

}  // namespace actionlens::train
