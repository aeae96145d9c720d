//! The text alternative of a chart (its `<desc>`, also shown beside it):
//! first and last values, best and worst, the target, missing months.

use crate::api::{bar_summary, line_summary, BarChart};
use crate::samples::*;

#[test]
fn summary_states_first_last_best_worst_and_target() {
    let c = rate_chart(vec![V(5.63), V(8.0), V(20.0), GAP, V(12.5)]);
    assert_eq!(
        line_summary(&c),
        "Từ T10/2023 đến T2/2024: đầu kỳ 5,63%, \
         cuối kỳ 12,5%; cao nhất 20% (T12/2023), thấp nhất 5,63% (T10/2023); \
         đạt mục tiêu 60% trong 0/4 tháng có số liệu; 1 tháng chưa có số liệu."
    );
}

#[test]
fn bar_summary_counts_units() {
    assert_eq!(
        bar_summary(&units_chart()),
        "7 đơn vị; cao nhất 100% (Sở Tư pháp), \
         thấp nhất 0% (Sở Tài nguyên và Môi trường); 3/5 đơn vị đạt mục tiêu 60%; \
         1 đơn vị không áp dụng; 1 đơn vị chưa công bố."
    );
    let all_na = BarChart {
        bars: vec![bar("A", NA, None), bar("B", NA, None)],
        ..units_chart()
    };
    assert_eq!(bar_summary(&all_na), "2 đơn vị; không áp dụng.");
    let ties = BarChart {
        bars: ["A", "B", "C", "D"]
            .iter()
            .map(|n| bar(n, V(100.0), Some(true)))
            .collect(),
        ..units_chart()
    };
    assert!(bar_summary(&ties).contains("cao nhất 100% (A, B và 2 đơn vị khác)"));
}
