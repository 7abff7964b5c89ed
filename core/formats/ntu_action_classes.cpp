#include "core/formats/ntu_action_classes.h"

#include <cstdio>

namespace actionlens::formats {

namespace {
constexpr const char* kDaily = "daily actions";
constexpr const char* kMedical = "medical conditions";
constexpr const char* kMutual = "mutual actions";
}  // namespace

const std::vector<NtuActionClass>& ntuActionClasses() {
    static const std::vector<NtuActionClass> classes{
        {1, "drink water", kDaily}, {2, "eat meal/snack", kDaily}, {3, "brushing teeth", kDaily}, {4, "brushing hair", kDaily},
        {5, "drop", kDaily}, {6, "pickup", kDaily}, {7, "throw", kDaily}, {8, "sitting down", kDaily},
        {9, "standing up (from sitting position)", kDaily}, {10, "clapping", kDaily}, {11, "reading", kDaily}, {12, "writing", kDaily},
        {13, "tear up paper", kDaily}, {14, "wear jacket", kDaily}, {15, "take off jacket", kDaily}, {16, "wear a shoe", kDaily},
        {17, "take off a shoe", kDaily}, {18, "wear on glasses", kDaily}, {19, "take off glasses", kDaily},
        {20, "put on a hat/cap", kDaily}, {21, "take off a hat/cap", kDaily}, {22, "cheer up", kDaily}, {23, "hand waving", kDaily},
        {24, "kicking something", kDaily}, {25, "put something inside pocket / take out something from pocket", kDaily}, {26, "hopping (one foot jumping)", kDaily},
        {27, "jump up", kDaily}, {28, "make a phone call/answer phone", kDaily}, {29, "playing with phone/tablet", kDaily},
        {30, "typing on a keyboard", kDaily}, {31, "pointing to something with finger", kDaily}, {32, "taking a selfie", kDaily},
        {33, "check time (from watch)", kDaily}, {34, "rub two hands together", kDaily}, {35, "nod head/bow", kDaily},
        {36, "shake head", kDaily}, {37, "wipe face", kDaily}, {38, "salute", kDaily}, {39, "put the palms together", kDaily},
        {40, "cross hands in front (say stop)", kDaily}, {41, "sneeze/cough", kMedical}, {42, "staggering", kMedical},
        {43, "falling", kMedical}, {44, "touch head (headache)", kMedical}, {45, "touch chest (stomachache/heart pain)", kMedical},
        {46, "touch back (backache)", kMedical}, {47, "touch neck (neckache)", kMedical}, {48, "nausea or vomiting condition", kMedical},
        {49, "use a fan (with hand or paper)/feeling warm", kMedical}, {50, "punching/slapping other person", kMutual},
        {51, "kicking other person", kMutual}, {52, "pushing other person", kMutual}, {53, "pat on back of other person", kMutual},
        {54, "point finger at the other person", kMutual}, {55, "hugging other person", kMutual},
        {56, "giving something to other person", kMutual}, {57, "touch other person's pocket", kMutual}, {58, "handshaking", kMutual},
        {59, "walking towards each other", kMutual}, {60, "walking apart from each other", kMutual},
        {61, "put on headphone", kDaily}, {62, "take off headphone", kDaily}, {63, "shoot at the basket", kDaily},
        {64, "bounce ball", kDaily}, {65, "tennis bat swing", kDaily}, {66, "juggling table tennis balls", kDaily},
        {67, "hush (quite)", kDaily}, {68, "flick hair", kDaily}, {69, "thumb up", kDaily}, {70, "thumb down", kDaily},
        {71, "make ok sign", kDaily}, {72, "make victory sign", kDaily}, {73, "staple book", kDaily}, {74, "counting money", kDaily},
        {75, "cutting nails", kDaily}, {76, "cutting paper (using scissors)", kDaily}, {77, "snapping fingers", kDaily},
        {78, "open bottle", kDaily}, {79, "sniff (smell)", kDaily}, {80, "squat down", kDaily}, {81, "toss a coin", kDaily},
        {82, "fold paper", kDaily}, {83, "ball up paper", kDaily}, {84, "play magic cube", kDaily}, {85, "apply cream on face", kDaily},
        {86, "apply cream on hand back", kDaily}, {87, "put on bag", kDaily}, {88, "take off bag", kDaily},
        {89, "put something into a bag", kDaily}, {90, "take something out of a bag", kDaily}, {91, "open a box", kDaily},
        {92, "move heavy objects", kDaily}, {93, "shake fist", kDaily}, {94, "throw up cap/hat", kDaily},
        {95, "hands up (both hands)", kDaily}, {96, "cross arms", kDaily}, {97, "arm circles", kDaily}, {98, "arm swings", kDaily},
        {99, "running on the spot", kDaily}, {100, "butt kicks (kick backward)", kDaily}, {101, "cross toe touch", kDaily},
        {102, "side kick", kDaily}, {103, "yawn", kMedical}, {104, "stretch oneself", kMedical}, {105, "blow nose", kMedical},
        {106, "hit other person with something", kMutual}, {107, "wield knife towards other person", kMutual},
        {108, "knock over other person (hit with body)", kMutual}, {109, "grab other person's stuff", kMutual},
        {110, "shoot at other person with a gun", kMutual}, {111, "step on foot", kMutual}, {112, "high-five", kMutual},
        {113, "cheers and drink", kMutual}, {114, "carry something with other person", kMutual},
        {115, "take a photo of other person", kMutual}, {116, "follow other person", kMutual},
        {117, "whisper in other person's ear", kMutual}, {118, "exchange things with other person", kMutual},
        {119, "support somebody with one's hand (someone is sick, help him to walk)", kMutual}, {120, "finger-guessing game (playing rock-paper-scissors)", kMutual},
    };
    return classes;
}

annotation::Taxonomy withNtuActionClasses(annotation::Taxonomy taxonomy) {
    annotation::TaskDefinition* task = nullptr;
    for (annotation::TaskDefinition& t : taxonomy.tasks)
        if (t.kind == annotation::TaskKind::Action) task = &t;
    if (!task) {
        annotation::TaskDefinition action;
        action.name = "action";
        action.kind = annotation::TaskKind::Action;
        action.scope = annotation::TaskScope::Segment;
        action.sideFree = true;  // NTU's classes name no side
        taxonomy.tasks.insert(taxonomy.tasks.begin(), action);
        task = &taxonomy.tasks.front();
    }
    for (const NtuActionClass& c : ntuActionClasses()) {
        char code[8];
        std::snprintf(code, sizeof code, "A%03d", c.number);
        if (task->findValue(code) || task->findValue(c.name)) continue;
        bool grouped = false;
        for (const annotation::ClassGroup& g : task->groups) grouped = grouped || g.name == c.group;
        if (!grouped) task->groups.push_back(annotation::ClassGroup{c.group, "", false});
        task->values.push_back(annotation::TaskValue{c.name, c.group, "", "", ""});
    }
    return taxonomy;
}

}  // namespace actionlens::formats
