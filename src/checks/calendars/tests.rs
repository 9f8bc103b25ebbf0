//! Fixture tests (placeholder).
