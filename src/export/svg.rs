//! A drawing (`draw::scene::Scene`) as SVG 1.1: shapes as shapes, text as text (selectable, editable in
//! Inkscape or Illustrator, searchable in a PDF made from it), colours as in the app. Checked in tests by
//! parsing and rasterising with resvg, the renderer the PNG export uses.

use std::fmt::Write as _;

use crate::draw::point::Point;
use crate::draw::scene::{Anchor, Item, Scene, Stroke};
use crate::draw::style::{DIAMOND_REACH, NodeShape, Rgba, SQUARE_CORNER, SQUARE_HALF};
use crate::draw::text_metrics::LABEL_FAMILY;

/// The SVG document of `scene`.
pub fn to_svg(scene: &Scene) -> String {
    let mut s = String::with_capacity(256 + scene.items.len() * 120);
    let _ = writeln!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}" height="{h}" viewBox="0 0 {w} {h}">
<title>{title}</title>
<rect x="0" y="0" width="{w}" height="{h}"{fill}/>
<g font-family="{LABEL_FAMILY}, sans-serif" stroke-linecap="round" stroke-linejoin="round">"#,
        w = num(scene.width),
        h = num(scene.height),
        title = escape(&scene.title),
        fill = paint("fill", scene.background),
    );
    for item in &scene.items {
        item_svg(&mut s, item);
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn item_svg(s: &mut String, item: &Item) {
    match item {
        Item::Curve {
            curve,
            stroke,
            dash,
        } => {
            let _ = write!(
                s,
                r#"<path d="M{} Q{} {}" fill="none"{}"#,
                pt(curve.from),
                pt(curve.control),
                pt(curve.to),
                stroke_attrs(*stroke)
            );
            if let Some(d) = dash {
                let _ = write!(s, r#" stroke-dasharray="{} {}""#, num(*d), num(*d));
            }
            s.push_str("/>\n");
        }
        Item::Polygon {
            points,
            fill,
            outline,
        } => {
            let _ = writeln!(
                s,
                r#"<polygon points="{}"{}{}/>"#,
                pts(points),
                paint("fill", *fill),
                outline.map(stroke_attrs).unwrap_or_default()
            );
        }
        Item::Node {
            shape,
            centre,
            radius,
            fill,
            outline,
        } => {
            let (c, r) = (*centre, *radius);
            let look = format!("{}{}", paint("fill", *fill), stroke_attrs(*outline));
            let _ = match shape {
                NodeShape::Circle => writeln!(
                    s,
                    r#"<circle cx="{}" cy="{}" r="{}"{look}/>"#,
                    num(c.x),
                    num(c.y),
                    num(r)
                ),
                NodeShape::Diamond => {
                    let k = r * DIAMOND_REACH;
                    let corners = [
                        Point { x: c.x, y: c.y - k },
                        Point { x: c.x + k, y: c.y },
                        Point { x: c.x, y: c.y + k },
                        Point { x: c.x - k, y: c.y },
                    ];
                    writeln!(s, r#"<polygon points="{}"{look}/>"#, pts(&corners))
                }
                NodeShape::RoundedSquare => {
                    let half = r * SQUARE_HALF;
                    writeln!(
                        s,
                        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"{look}/>"#,
                        num(c.x - half),
                        num(c.y - half),
                        num(2.0 * half),
                        num(2.0 * half),
                        num(half * SQUARE_CORNER)
                    )
                }
            };
        }
        Item::Box {
            rect,
            corner,
            fill,
            outline,
        } => {
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}"{}{}/>"#,
                num(rect.min.x),
                num(rect.min.y),
                num(rect.width()),
                num(rect.height()),
                num(*corner),
                paint("fill", *fill),
                outline.map(stroke_attrs).unwrap_or_default()
            );
        }
        Item::Text {
            at,
            text,
            size,
            color,
            anchor,
            bold,
        } => {
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" font-size="{}"{}{}{}>{}</text>"#,
                num(at.x),
                num(at.y),
                num(*size),
                paint("fill", *color),
                if *anchor == Anchor::Middle {
                    r#" text-anchor="middle""#
                } else {
                    ""
                },
                if *bold { r#" font-weight="bold""# } else { "" },
                escape(text)
            );
        }
    }
}

/// ` fill="#rrggbb"` (with `fill-opacity` when translucent); `none` when fully transparent.
fn paint(attr: &str, c: Rgba) -> String {
    match c.3 {
        0 => format!(r#" {attr}="none""#),
        255 => format!(r#" {attr}="{}""#, c.hex()),
        _ => format!(
            r#" {attr}="{}" {attr}-opacity="{}""#,
            c.hex(),
            num(c.opacity())
        ),
    }
}

fn stroke_attrs(stroke: Stroke) -> String {
    format!(
        r#"{} stroke-width="{}""#,
        paint("stroke", stroke.color),
        num(stroke.width)
    )
}

/// A number with at most two decimals and no trailing zeros; non-finite numbers as 0.
fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

fn pt(p: Point) -> String {
    format!("{},{}", num(p.x), num(p.y))
}

fn pts(points: &[Point]) -> String {
    points.iter().map(|&p| pt(p)).collect::<Vec<_>>().join(" ")
}

/// Text as XML or HTML character data (and quoted attribute values): markup escaped, characters XML 1.0
/// forbids left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(2.345), "2.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(
            escape("A & B <x> \"q\"\u{1}"),
            "A &amp; B &lt;x&gt; &quot;q&quot;"
        );
    }
}
