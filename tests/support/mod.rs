//! What the integration tests share: editable copies of the real content,
//! the loader's diagnostics, builds into temporary folders, output trees,
//! HTML taken apart and an independent link checker, none of which relies
//! on the product's own code. The content and site test binaries include it
//! with `#[macro_use] #[path = "../support/mod.rs"] mod support;`; the
//! others include `api.rs` alone.
//!
//! The content tests use `content` and `diagnostics`, the site tests
//! `content` and the rest: a module that one of the two binaries leaves
//! unused allows dead code, and so do its re-exports.

pub mod api;
pub mod content;
#[allow(dead_code)] // used by the content tests only
pub mod diagnostics;
#[allow(dead_code)] // used by the site tests only
pub mod files;
#[macro_use]
#[allow(dead_code, unused_macros)] // used by the site tests only
pub mod html;
#[allow(dead_code)] // used by the site tests only
pub mod links;
#[allow(dead_code)] // used by the site tests only
pub mod site;
#[allow(dead_code)] // each binary uses part of it
pub mod sources;

pub use content::*;
#[allow(unused_imports)]
pub use diagnostics::*;
#[allow(unused_imports)]
pub use files::*;
#[allow(unused_imports)]
pub use html::*;
#[allow(unused_imports)]
pub use links::*;
#[allow(unused_imports)]
pub use site::*;
#[allow(unused_imports)]
pub use sources::*;
