//! The validated in-memory model.
