// The rendered demo's taxonomy declares what mirroring does to every task: a mirrored
// left-hander is a right-hander, a left view a right view; actions, build and clothing have no side.

#include "core/synth/synth_taxonomy.h"

#include <gtest/gtest.h>

using namespace actionlens;

TEST(SynthTaxonomy, DeclaresTheMirrorOfEveryTask) {
    auto taxonomy = synth::synthTaxonomy();
    ASSERT_TRUE(taxonomy.ok()) << taxonomy.error();
    for (const annotation::TaskDefinition& task : taxonomy->tasks) EXPECT_TRUE(task.mirrorDeclared()) << task.name;
    EXPECT_EQ(taxonomy->findTask("handedness")->mirrorOf("left"), "right");
    EXPECT_EQ(taxonomy->findTask("handedness")->mirrorOf("right"), "left");
    EXPECT_EQ(taxonomy->findTask("viewpoint")->mirrorOf("left"), "right");
    EXPECT_TRUE(taxonomy->findTask("build")->sideFree);
    EXPECT_TRUE(taxonomy->findTask("clothing")->sideFree);
    EXPECT_TRUE(taxonomy->actionTask()->sideFree);
}
