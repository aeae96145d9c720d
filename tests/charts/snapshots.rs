//! Whole charts as insta snapshots (`tests/charts/snapshots/`): any change
//! of the drawing shows up in review.

use crate::api::{bar_chart, line_chart};
use crate::samples::*;

#[test]
fn rate_with_target_gap_and_not_applicable() {
    let c = rate_chart(vec![
        V(5.63),
        V(8.0),
        V(20.0),
        GAP,
        V(12.5),
        NA,
        NA,
        V(31.25),
        V(45.0),
        V(58.9),
        V(61.2),
        V(66.0),
        V(0.0),
        V(70.4),
    ]);
    insta::assert_snapshot!(line_chart(&c));
}

#[test]
fn score_against_national_average() {
    insta::assert_snapshot!(line_chart(&score_chart()));
}

#[test]
fn units_ranked() {
    insta::assert_snapshot!(bar_chart(&units_chart()));
}
