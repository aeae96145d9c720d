//! Render the validated model into the output folder.
