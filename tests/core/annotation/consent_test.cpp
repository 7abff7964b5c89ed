#include "core/annotation/consent.h"

#include "core/annotation/subject.h"
#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(Consent, NamesRoundTripAndUnknownNamesAreRefused) {
    for (ConsentStatus s : {ConsentStatus::Unknown, ConsentStatus::Given, ConsentStatus::Refused, ConsentStatus::Withdrawn}) {
        ConsentStatus parsed = ConsentStatus::Unknown;
        ASSERT_TRUE(parseConsentStatus(consentStatusName(s), &parsed));
        EXPECT_EQ(parsed, s);
    }
    ConsentStatus unused;
    EXPECT_FALSE(parseConsentStatus("maybe", &unused));
    ConsentLimit limit = ConsentLimit::Everyone;
    ASSERT_TRUE(parseConsentLimit("auto", &limit));
    EXPECT_EQ(limit, ConsentLimit::Automatic);
    EXPECT_FALSE(parseConsentLimit("some", &limit));
}

TEST(Consent, TheAutomaticLimitAppliesOnceAnyConsentIsRecorded) {
    std::vector<Subject> subjects{{1, "a", {}}, {2, "b", {}}};
    EXPECT_FALSE(limitsToConsenting(ConsentLimit::Automatic, subjects));
    EXPECT_TRUE(limitsToConsenting(ConsentLimit::ConsentingOnly, subjects));
    subjects[1].consent = ConsentStatus::Refused;
    EXPECT_TRUE(limitsToConsenting(ConsentLimit::Automatic, subjects));
    EXPECT_FALSE(limitsToConsenting(ConsentLimit::Everyone, subjects));
    EXPECT_FALSE(consents(subjects[0]));
    subjects[0].consent = ConsentStatus::Given;
    EXPECT_TRUE(consents(subjects[0]));
}

TEST(Consent, IsStoredWithTheSubjectAndReachCountsWhatTheyAppearIn) {
    ProjectFolder folder;
    auto store = ProjectStore::create(folder.file("p.alproj")).value();
    Subject ada{0, "Ada", {}, ConsentStatus::Given, "signed form #12", "2026-11-30"};
    ada.id = store->insertSubject(ada).value();
    EXPECT_EQ(store->subjects()->front(), ada);
    Subject changed = ada;
    changed.consent = ConsentStatus::Withdrawn;
    changed.consentDate = "2026-12-01";
    EXPECT_EQ(store->updateSubject(changed).value(), ada);
    EXPECT_EQ(store->subjects()->front(), changed);

    const std::int64_t video = store->insertVideo({0, "", 0, 25.0, 100, 0, 0, "", "v", {}}).value();
    Segment s;
    s.videoId = video;
    s.subjectId = ada.id;
    s.firstFrame = 0;
    s.lastFrame = 5;
    ASSERT_TRUE(store->insertSegment(s).ok());
    const SubjectsReach reach = store->reachOfSubjects({ada.id}).value();
    EXPECT_EQ(reach.segments, 1);
    EXPECT_EQ(reach.videos, 1);
    EXPECT_EQ(store->reachOfSubjects({}).value().segments, 0);
}
