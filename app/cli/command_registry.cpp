#include "app/cli/command_registry.h"

#include <algorithm>

namespace actionlens::cli {

void CommandRegistry::add(CliCommand command) {
    auto at = std::lower_bound(commands_.begin(), commands_.end(), command.name,
                               [](const CliCommand& c, const QString& name) { return c.name < name; });
    commands_.insert(at, std::move(command));
}

const CliCommand* CommandRegistry::find(const QString& name) const {
    for (const CliCommand& command : commands_) {
        if (command.name == name) return &command;
    }
    return nullptr;
}

}  // namespace actionlens::cli
