//! A point or vector in the plane, in layout units or points: the little arithmetic the drawing needs
//! (the app turns these into egui's own types at its edge).

use std::ops::{Add, Div, Mul, Neg, Sub};

/// A point or a vector; which one is clear from use.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

pub const fn pos2(x: f32, y: f32) -> Point {
    Point { x, y }
}

pub const fn vec2(x: f32, y: f32) -> Point {
    Point { x, y }
}

impl Point {
    pub const ZERO: Point = Point { x: 0.0, y: 0.0 };

    /// The plain square root (not `hypot`, several times slower): screen and layout coordinates are
    /// far from where squaring would overflow.
    pub fn length(self) -> f32 {
        self.length_sq().sqrt()
    }

    pub fn length_sq(self) -> f32 {
        self.x * self.x + self.y * self.y
    }

    pub fn dot(self, other: Point) -> f32 {
        self.x * other.x + self.y * other.y
    }

    /// The vector scaled to length 1 (not finite for the zero vector).
    pub fn normalized(self) -> Point {
        self / self.length()
    }

    /// A point read as the vector from the origin, and back: no-ops kept so geometry reads as it does
    /// with separate point and vector types.
    pub fn to_vec2(self) -> Point {
        self
    }

    pub fn to_pos2(self) -> Point {
        self
    }
}

impl From<[f32; 2]> for Point {
    fn from([x, y]: [f32; 2]) -> Point {
        Point { x, y }
    }
}

impl Add for Point {
    type Output = Point;
    fn add(self, o: Point) -> Point {
        pos2(self.x + o.x, self.y + o.y)
    }
}

impl Sub for Point {
    type Output = Point;
    fn sub(self, o: Point) -> Point {
        pos2(self.x - o.x, self.y - o.y)
    }
}

impl Neg for Point {
    type Output = Point;
    fn neg(self) -> Point {
        pos2(-self.x, -self.y)
    }
}

impl Mul<f32> for Point {
    type Output = Point;
    fn mul(self, k: f32) -> Point {
        pos2(self.x * k, self.y * k)
    }
}

impl Div<f32> for Point {
    type Output = Point;
    fn div(self, k: f32) -> Point {
        pos2(self.x / k, self.y / k)
    }
}

impl Point {
    /// A vector with both coordinates `v`.
    pub const fn splat(v: f32) -> Point {
        Point { x: v, y: v }
    }

    /// The point moved inside the box `min..=max`.
    pub fn clamp(self, min: Point, max: Point) -> Point {
        pos2(self.x.clamp(min.x, max.x), self.y.clamp(min.y, max.y))
    }
}

/// An axis-aligned box, `min` its top-left corner (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub min: Point,
    pub max: Point,
}

impl Rect {
    pub fn from_min_max(min: Point, max: Point) -> Rect {
        Rect { min, max }
    }

    pub fn from_min_size(min: Point, size: Point) -> Rect {
        Rect {
            min,
            max: min + size,
        }
    }

    pub fn from_center_size(centre: Point, size: Point) -> Rect {
        Rect::from_min_size(centre - size / 2.0, size)
    }

    pub fn size(&self) -> Point {
        self.max - self.min
    }

    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }

    pub fn center(&self) -> Point {
        (self.min + self.max) / 2.0
    }

    /// Whether the two boxes overlap (touching edges count).
    pub fn intersects(&self, other: Rect) -> bool {
        self.min.x <= other.max.x
            && other.min.x <= self.max.x
            && self.min.y <= other.max.y
            && other.min.y <= self.max.y
    }

    /// Whether `other` lies wholly inside this box.
    pub fn contains_rect(&self, other: Rect) -> bool {
        self.min.x <= other.min.x
            && self.min.y <= other.min.y
            && other.max.x <= self.max.x
            && other.max.y <= self.max.y
    }
}
