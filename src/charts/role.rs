//! What a group of drawn marks means, and how the renderers say it.
//!
//! Plotters cannot attach classes or dash patterns to what it draws, so the
//! renderers draw an invisible *sentinel* text before each group of marks
//! ([`mark`]); the recording backend takes it as the role of the marks
//! that follow ([`Role::of_sentinel`]) and records no text for it.

use plotters::coord::Shift;
use plotters::prelude::*;

const SENTINEL: char = '\u{1}';

/// What a group of drawn elements means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Plain,
    /// Grid, axes, ticks and tick labels: reordered so that like elements
    /// are adjacent and can share a group (none of them overlap).
    Axes,
    NotApplicable,
    Target,
    TargetLabel,
    Line1,
    Line2,
    Point1,
    Point2,
    Key,
    KeyDashed,
    KeyTarget,
    KeyMiss,
    Bar,
    BarMiss,
    Value,
    /// Peers' bars around the highlighted unit's: drawn in grey.
    BarPeer,
    /// The highlighted unit: its outline, name and value in bold.
    Strong,
    /// A change of the unit (a merger) on a line chart: a dashed rule.
    Break,
    BreakLabel,
}

/// Every role, its sentinel's code being its index.
const ROLES: [Role; 20] = [
    Role::Plain,
    Role::Axes,
    Role::NotApplicable,
    Role::Target,
    Role::TargetLabel,
    Role::Line1,
    Role::Line2,
    Role::Point1,
    Role::Point2,
    Role::Key,
    Role::KeyDashed,
    Role::KeyTarget,
    Role::KeyMiss,
    Role::Bar,
    Role::BarMiss,
    Role::Value,
    Role::BarPeer,
    Role::Strong,
    Role::Break,
    Role::BreakLabel,
];

/// The sentinel text of each role of [`ROLES`], written out so that a mark
/// formats nothing.
const SENTINELS: [&str; 20] = [
    "\u{1}0", "\u{1}1", "\u{1}2", "\u{1}3", "\u{1}4", "\u{1}5", "\u{1}6", "\u{1}7", "\u{1}8",
    "\u{1}9", "\u{1}10", "\u{1}11", "\u{1}12", "\u{1}13", "\u{1}14", "\u{1}15", "\u{1}16",
    "\u{1}17", "\u{1}18", "\u{1}19",
];

impl Role {
    pub(crate) fn class(self) -> Option<&'static str> {
        Some(match self {
            Role::Plain | Role::Axes => return None,
            Role::NotApplicable => "chart-na",
            Role::Target => "chart-target",
            Role::TargetLabel => "chart-target-label",
            Role::Line1 => "chart-line chart-s1",
            Role::Line2 => "chart-line chart-s2",
            Role::Point1 => "chart-point chart-s1",
            Role::Point2 => "chart-point chart-s2",
            Role::Key | Role::KeyDashed | Role::KeyTarget | Role::KeyMiss => "chart-key",
            Role::Bar => "chart-bar",
            Role::BarMiss => "chart-bar chart-miss",
            Role::Value => "chart-value",
            Role::BarPeer => "chart-bar chart-peer",
            Role::Strong => "chart-strong",
            Role::Break => "chart-break",
            Role::BreakLabel => "chart-break-label",
        })
    }

    pub(crate) fn dash(self) -> Option<&'static str> {
        match self {
            Role::Target | Role::KeyTarget => Some("8 6"),
            Role::Line2 | Role::KeyDashed => Some("7 5"),
            Role::Break => Some("3 4"),
            _ => None,
        }
    }

    fn sentinel(self) -> &'static str {
        ROLES
            .iter()
            .position(|r| *r == self)
            .and_then(|i| SENTINELS.get(i))
            .copied()
            .unwrap_or(SENTINELS[0])
    }

    /// The role a drawn text announces, if it is a sentinel (a sentinel
    /// with an unknown code stands for [`Role::Plain`]); `None` for a text
    /// to be shown.
    pub(crate) fn of_sentinel(text: &str) -> Option<Role> {
        let code = text.trim().strip_prefix(SENTINEL)?;
        let role = code.parse::<usize>().ok().and_then(|i| ROLES.get(i));
        Some(role.copied().unwrap_or(Role::Plain))
    }
}

/// Start a group of elements with `role`: the recording backend takes the
/// sentinel text as the role of what follows ([`Role::of_sentinel`]).
pub(crate) fn mark<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, role: Role) {
    let font = ("sans-serif", 10.0).into_font();
    let _ = area.draw(&Text::new(role.sentinel(), (0, 0), font));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sentinel_announces_its_role() {
        for role in ROLES {
            assert_eq!(Role::of_sentinel(role.sentinel()), Some(role));
        }
        assert_eq!(Role::of_sentinel("\u{1}99"), Some(Role::Plain));
        assert_eq!(Role::of_sentinel("T10/2023"), None);
    }
}
