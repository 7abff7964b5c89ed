#include "core/annotation/video_fingerprint.h"
#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(VideoFingerprint, SameBytesSameHashAnywhereAndAnyChangeDiffers) {
    ProjectFolder folder;
    QByteArray bytes(3 << 20, '\0');
    for (int i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
    writeBytes(folder.file("a.mp4"), bytes);
    writeBytes(folder.file("renamed.mp4"), bytes);
    auto a = videoContentHash(folder.file("a.mp4"));
    ASSERT_TRUE(a.ok()) << a.error();
    EXPECT_EQ(a->rfind("sha256:", 0), 0u);
    EXPECT_EQ(a->size(), 7u + 64u);
    EXPECT_EQ(a.value(), videoContentHash(folder.file("renamed.mp4")).value());

    QByteArray tail = bytes;
    tail[tail.size() - 1] = 'x';
    writeBytes(folder.file("tail.mp4"), tail);
    EXPECT_NE(a.value(), videoContentHash(folder.file("tail.mp4")).value());
    writeBytes(folder.file("short.mp4"), bytes.left(bytes.size() - 1));
    EXPECT_NE(a.value(), videoContentHash(folder.file("short.mp4")).value());
}

TEST(VideoFingerprint, MissingFileIsAnError) {
    auto h = videoContentHash("/nonexistent/video.mp4");
    ASSERT_FALSE(h.ok());
    EXPECT_NE(h.error().find("/nonexistent/video.mp4"), std::string::npos);
}
