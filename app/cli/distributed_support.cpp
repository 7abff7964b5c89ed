#include "app/cli/distributed_support.h"

#include "app/cli/cli_support.h"

#include <cstdio>

namespace actionlens::cli {

void DistributedOptions::addTo(QCommandLineParser& parser) const {
    for (const QCommandLineOption* o : {&distributed, &backend, &timeout}) parser.addOption(*o);
}

std::optional<std::unique_ptr<train::ProcessGroup>> joinIfDistributed(const QCommandLineParser& parser, const QString& command,
                                                                      const DistributedOptions& options,
                                                                      const std::string& device, int* exitCode) {
    if (!parser.isSet(options.distributed)) {
        if (parser.isSet(options.backend) || parser.isSet(options.timeout)) {
            *exitCode = usageError(command, QStringLiteral("--backend and --distributed-timeout go with --distributed"));
            return std::nullopt;
        }
        return std::unique_ptr<train::ProcessGroup>();
    }
    const std::optional<double> seconds = parsePositive(command, QStringLiteral("--distributed-timeout"), parser.value(options.timeout));
    if (!seconds) {
        *exitCode = kExitUsage;
        return std::nullopt;
    }
    Result<train::DistributedEnvironment> environment = train::distributedEnvironmentFromVariables();
    if (!environment) {
        *exitCode = fail(environment.error());
        return std::nullopt;
    }
    train::ProcessGroupOptions groupOptions;
    groupOptions.backend = parser.value(options.backend).toStdString();
    groupOptions.device = device;
    groupOptions.timeoutSeconds = *seconds;
    Result<std::unique_ptr<train::ProcessGroup>> group = train::ProcessGroup::join(environment.value(), groupOptions);
    if (!group) {
        *exitCode = fail(group.error());
        return std::nullopt;
    }
    if (group.value()->rank() == 0)
        std::fprintf(stderr, "actionlens-cli: %d processes joined (%s); this is rank 0, which reports and writes\n",
                     group.value()->size(), group.value()->backend().c_str());
    return std::move(group).value();
}

}  // namespace actionlens::cli
