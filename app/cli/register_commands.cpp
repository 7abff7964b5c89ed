#include "app/cli/command_registry.h"

namespace actionlens::cli {

void registerProbeCommand(CommandRegistry& registry);
void registerFrameCommand(CommandRegistry& registry);
void registerSampleVideoCommand(CommandRegistry& registry);
void registerProjectCommands(CommandRegistry& registry);
void registerSynthCommand(CommandRegistry& registry);
void registerMotionLibraryCommand(CommandRegistry& registry);
void registerAgreementCommand(CommandRegistry& registry);
void registerAssignCommand(CommandRegistry& registry);
void registerAnonymiseCommand(CommandRegistry& registry);
#ifdef ACTIONLENS_WITH_LEARNING
void registerTrainCommands(CommandRegistry& registry);
void registerPredictCommand(CommandRegistry& registry);
void registerAblateCommand(CommandRegistry& registry);
void registerExportDatasetCommand(CommandRegistry& registry);
void registerRunsCommand(CommandRegistry& registry);
void registerExplainCommand(CommandRegistry& registry);
void registerActiveLearningCommand(CommandRegistry& registry);
#endif
#ifdef ACTIONLENS_WITH_POSE
void registerPoseCommand(CommandRegistry& registry);
#endif

// The one place where a command joins the CLI.
void registerAllCommands(CommandRegistry& registry) {
    registerProbeCommand(registry);
    registerFrameCommand(registry);
    registerSampleVideoCommand(registry);
    registerProjectCommands(registry);
    registerSynthCommand(registry);
    registerMotionLibraryCommand(registry);
    registerAgreementCommand(registry);
    registerAssignCommand(registry);
    registerAnonymiseCommand(registry);
#ifdef ACTIONLENS_WITH_LEARNING
    registerTrainCommands(registry);
    registerPredictCommand(registry);
    registerAblateCommand(registry);
    registerExportDatasetCommand(registry);
    registerRunsCommand(registry);
    registerExplainCommand(registry);
    registerActiveLearningCommand(registry);
#endif
#ifdef ACTIONLENS_WITH_POSE
    registerPoseCommand(registry);
#endif
}

}  // namespace actionlens::cli
