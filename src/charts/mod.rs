//! SVG charts drawn at build time with plotters (issue: SVG trend charts).
