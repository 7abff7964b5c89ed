// The statistics against published, hand-computed examples.

#include "core/agreement/reliability.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::agreement {
namespace {

TEST(Reliability, CohensKappaOfTheTextbookTable) {
    // 50 items: both yes 20, A yes B no 5, A no B yes 10, both no 15: p_o 0.7, p_e 0.5, kappa 0.4.
    std::vector<int> a, b;
    auto add = [&](int n, int x, int y) {
        for (int i = 0; i < n; ++i) a.push_back(x), b.push_back(y);
    };
    add(20, 1, 1);
    add(5, 1, 0);
    add(10, 0, 1);
    add(15, 0, 0);
    EXPECT_NEAR(cohenKappa(a, b), 0.4, 1e-12);
    EXPECT_NEAR(percentAgreement(a, b), 0.7, 1e-12);
    // Missing codes are left out, not counted as disagreement.
    a.push_back(kMissing);
    b.push_back(1);
    EXPECT_NEAR(cohenKappa(a, b), 0.4, 1e-12);
    EXPECT_NEAR(cohenKappa({1, 0, 1}, {1, 0, 1}), 1.0, 1e-12);
    EXPECT_TRUE(std::isnan(cohenKappa({1, 1}, {1, 1}))) << "one category only: undefined";
    EXPECT_TRUE(std::isnan(cohenKappa({}, {})));
}

TEST(Reliability, FleissKappaOfFleiss1971sWorkedExample) {
    // 10 subjects, 14 raters, 5 categories (the example in Fleiss' kappa's usual presentation): 0.210.
    const int counts[10][5] = {{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
                               {7, 7, 0, 0, 0},  {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
    std::vector<std::vector<int>> units;
    for (const auto& row : counts) {
        std::vector<int> unit;
        for (int category = 0; category < 5; ++category)
            for (int n = 0; n < row[category]; ++n) unit.push_back(category);
        units.push_back(unit);
    }
    EXPECT_NEAR(fleissKappa(units), 0.2099, 5e-5);
    // A unit someone did not code is left out.
    units.push_back(std::vector<int>(14, 0));
    units.back()[3] = kMissing;
    EXPECT_NEAR(fleissKappa(units), 0.2099, 5e-5);
}

TEST(Reliability, KrippendorffsAlphaOfHisReliabilityDataWithMissingValues) {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 coders, 12 units,
    // values 1-5 with gaps; nominal alpha 0.743.
    const int m = kMissing;
    const int data[4][12] = {{1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m},
                             {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3},
                             {m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m},
                             {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m}};
    std::vector<std::vector<int>> units;
    for (int u = 0; u < 12; ++u) units.push_back({data[0][u], data[1][u], data[2][u], data[3][u]});
    EXPECT_NEAR(krippendorffAlphaNominal(units), 0.743, 5e-4);
    EXPECT_TRUE(std::isnan(krippendorffAlphaNominal({{1, 1}, {1, 1}})));
}

}  // namespace
}  // namespace actionlens::agreement
