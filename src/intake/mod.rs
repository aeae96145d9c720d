//! Helping editors write content: `congkhai new` scaffolds the next
//! period's dispatch ([`scaffold`]). Works on the content folder's files;
//! everything it writes is then checked like any other content.

pub mod scaffold;
