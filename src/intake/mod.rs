//! Helping editors write content: `congkhai new` scaffolds the next
//! period's dispatch ([`scaffold`]); `congkhai import` fills an appendix
//! from a table saved or pasted from a spreadsheet ([`import`], reading
//! the table with [`table`]). Both work on the content folder's files;
//! everything they write is then checked like any other content.

pub mod import;
mod import_error;
pub mod scaffold;
mod shown_numbers;
pub mod table;
