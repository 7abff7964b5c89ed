#include "core/train/file_replacement.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>
#include <unistd.h>

using namespace actionlens;
using namespace actionlens::train;
namespace fs = std::filesystem;

namespace {

std::string contentOf(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path freshFolder(const char* name) {
    const fs::path folder = fs::temp_directory_path() / (std::string("actionlens_") + name + "_" + std::to_string(::getpid()));
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

}  // namespace

TEST(FileReplacement, TheTemporaryReplacesTheFileAndDisappears) {
    const fs::path folder = freshFolder("file_replacement");
    const std::string path = (folder / "out.json").string();
    std::ofstream(path) << "old";
    const std::string temporary = temporaryPathBeside(path);
    EXPECT_EQ(fs::path(temporary).parent_path(), folder);
    EXPECT_NE(temporary, temporaryPathBeside(path));
    std::ofstream(temporary) << "new";
    ASSERT_TRUE(moveIntoPlace(temporary, path, "cannot write out.json").ok());
    EXPECT_EQ(contentOf(path), "new");
    EXPECT_FALSE(fs::exists(temporary));
    fs::remove_all(folder);
}

TEST(FileReplacement, AFailedMoveKeepsTheOldFileAndSaysWhat) {
    const fs::path folder = freshFolder("file_replacement_fail");
    const std::string path = (folder / "out.json").string();
    std::ofstream(path) << "old";
    const Status moved = moveIntoPlace((folder / "never_written.tmp").string(), path, "cannot write out.json");
    ASSERT_FALSE(moved.ok());
    EXPECT_EQ(moved.error().rfind("cannot write out.json: ", 0), 0u) << moved.error();
    EXPECT_EQ(contentOf(path), "old");
    fs::remove_all(folder);
}

TEST(FileReplacement, TextFilesAreWrittenWholeOrNotAtAll) {
    const fs::path folder = freshFolder("file_replacement_text");
    const std::string path = (folder / "out.json").string();
    std::ofstream(path) << "old";
    ASSERT_TRUE(writeTextFileAtomically(path, "{\"x\": [1, 2.5]}").ok());
    EXPECT_EQ(contentOf(path), "{\"x\": [1, 2.5]}");
    EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 1);  // no temporary left
    const Status refused = writeTextFileAtomically("/nonexistent-folder/x.json", "{}");
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("'/nonexistent-folder/x.json'"), std::string::npos) << refused.error();
    fs::remove_all(folder);
}

TEST(FileReplacement, TemporariesOfKilledWritersAreRemovedByTheNextWrite) {
    const fs::path folder = freshFolder("file_replacement_abandoned");
    const std::string path = (folder / "m.alm").string();
    // A writer killed mid-write (its process is gone: a child that has exited and been reaped),
    // and one still running (this process), each with a temporary beside the file.
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    ASSERT_GT(child, 0);
    int status = 0;
    ::waitpid(child, &status, 0);
    const std::string abandoned = path + ".tmp-" + std::to_string(child) + "-12345";
    const std::string running = path + ".tmp-" + std::to_string(::getpid()) + "-67890";
    const std::string unrelated = (folder / "other.alm.tmp-1-1").string();
    for (const std::string& p : {abandoned, running, unrelated}) std::ofstream(p) << "partial";
    ASSERT_TRUE(writeTextFileAtomically(path, "whole").ok());
    EXPECT_EQ(contentOf(path), "whole");
    EXPECT_FALSE(fs::exists(abandoned));
    EXPECT_TRUE(fs::exists(running));
    EXPECT_TRUE(fs::exists(unrelated));
    fs::remove_all(folder);
}
