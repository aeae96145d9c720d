//! The content: the shipped dispatches and seed figures, the loader's
//! rules and their messages, the `congkhai check` command, and property
//! tests that no input makes the loader panic.

#[macro_use]
#[path = "../support/mod.rs"]
mod support;

mod changes;
mod cli;
mod every_message;
mod faults;
mod file_rules;
mod fuzz;
mod import;
mod lang;
mod more_rules;
mod printed_decimals;
mod real_content;
mod rule_table;
mod rules;
mod scaffold;
mod schemes;
mod sources;
mod tables;
