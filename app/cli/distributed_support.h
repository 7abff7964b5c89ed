#pragma once

// --distributed for the training commands (train, ablate): the options, and joining the process
// group from torchrun's variables (core/train/process_group.h). Rank 0 alone prints, records the
// run and writes files; the other ranks compute the same steps silently.

#include "core/train/process_group.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>
#include <optional>
#include <string>

namespace actionlens::cli {

struct DistributedOptions {
    QCommandLineOption distributed{QStringLiteral("distributed"),
                                   QStringLiteral("Data-parallel training: join the process group that torchrun's variables describe "
                                                  "(MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE); "
                                                  "launch with `torchrun --nproc-per-node N --no-python actionlens-cli ...`.")};
    QCommandLineOption backend{QStringLiteral("backend"),
                               QStringLiteral("With --distributed: auto (NCCL on CUDA, Gloo on the CPU), gloo or nccl."),
                               QStringLiteral("name"), QStringLiteral("auto")};
    QCommandLineOption timeout{QStringLiteral("distributed-timeout"),
                               QStringLiteral("With --distributed: seconds a rank waits for the others before it stops with "
                                              "an error (a rank died or hangs). Default 300."),
                               QStringLiteral("seconds"), QStringLiteral("300")};
    void addTo(QCommandLineParser& parser) const;
};

// Null without --distributed. With it, the group (every rank has arrived), or nullopt after
// printing why not (a usage error or the join's failure); `exitCode` says which.
std::optional<std::unique_ptr<train::ProcessGroup>> joinIfDistributed(const QCommandLineParser& parser, const QString& command,
                                                                      const DistributedOptions& options,
                                                                      const std::string& device, int* exitCode);

}  // namespace actionlens::cli
