#pragma once

// The CLI's subcommands. Each concern registers its commands in register_commands.cpp; main()
// only looks a name up here, so adding a command never touches the dispatcher.

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace actionlens::cli {

struct CliCommand {
    QString name;
    QString summary;  // one line for the command list
    // Receives the arguments after the command name; returns 0 (success), 1 (failure) or 2 (bad usage).
    std::function<int(const QStringList& arguments)> run;
};

class CommandRegistry {
public:
    void add(CliCommand command);
    const CliCommand* find(const QString& name) const;
    const std::vector<CliCommand>& commands() const { return commands_; }

private:
    std::vector<CliCommand> commands_;
};

// Fills the registry with every command of this build (register_commands.cpp).
void registerAllCommands(CommandRegistry& registry);

}  // namespace actionlens::cli
