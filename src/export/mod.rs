//! Pictures and files made from the map for reports. Today: PNG images of the map.

pub mod png;
