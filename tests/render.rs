//! `actormap render` as a script would use it, with no display: pictures and files of the map, and
//! nothing written when an input fails. The SVG is read back and rasterised by resvg (a real SVG
//! renderer) and compared with the PNG.

use std::path::{Path, PathBuf};
use std::process::Command;

use resvg::{tiny_skia, usvg};

fn actormap() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_actormap"));
    // No display of any kind: the command must not need one.
    c.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    c
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("actormap-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn decode_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let pixmap = tiny_skia::Pixmap::load_png(path).unwrap();
    (pixmap.width(), pixmap.height(), pixmap.data().to_vec())
}

#[test]
fn render_writes_every_output_without_a_display() {
    let dir = out_dir("all");
    let (png, svg) = (dir.join("map.png"), dir.join("map.svg"));
    let out = actormap()
        .args([
            "render",
            "sample_data/01_iran_pakistan_talks.txt",
            "--title",
            "Talks & <more>",
        ])
        .arg("--png")
        .arg(&png)
        .arg("--svg")
        .arg(&svg)
        .arg("--gexf")
        .arg(dir.join("map.gexf"))
        .arg("--graphml")
        .arg(dir.join("map.graphml"))
        .arg("--csv")
        .arg(dir.join("tables"))
        .arg("--report")
        .arg(dir.join("report.md"))
        .arg("--corpus")
        .arg(dir.join("shown.json"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = std::fs::read_to_string(dir.join("shown.json")).unwrap();
    let shown = actormap::corpus::from_json(&shown).expect("the corpus of what is shown loads");
    assert!(shown.actors.iter().any(|a| a.name == "Syed Abbas Araghchi"));
    for f in [
        "map.gexf",
        "map.graphml",
        "tables/actors.csv",
        "tables/evidence.csv",
        "report.md",
    ] {
        assert!(std::fs::metadata(dir.join(f)).unwrap().len() > 100, "{f}");
    }

    // The SVG is well-formed, keeps its text as text, and renders to the same picture as the PNG.
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        text.contains(">Syed Abbas Araghchi</text>"),
        "labels are text"
    );
    assert!(
        text.contains("Talks &amp; &lt;more&gt;"),
        "the title is escaped"
    );
    let mut options = usvg::Options::default();
    options
        .fontdb_mut()
        .load_font_data(actormap::draw::text_metrics::LABEL_FONT.to_vec());
    let tree = usvg::Tree::from_str(&text, &options).expect("the SVG parses");
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());

    let (w, h, pixels) = decode_png(&png);
    assert_eq!(
        (w, h),
        (size.width(), size.height()),
        "the PNG is the SVG's size at 1×"
    );
    let differing = pixels
        .chunks_exact(4)
        .zip(pixmap.data().chunks_exact(4))
        .filter(|(a, b)| a.iter().zip(*b).any(|(x, y)| x.abs_diff(*y) > 8))
        .count();
    assert!(
        differing * 1000 < (w * h) as usize,
        "{differing} of {} pixels differ between the PNG and the rasterised SVG",
        w * h
    );
    // Not an empty picture: the map's colours are in it.
    let blue = actormap::draw::style::actor_color(actormap::corpus::ActorKind::Country);
    assert!(
        pixels
            .chunks_exact(4)
            .any(|p| p[0] == blue.0 && p[1] == blue.1 && p[2] == blue.2),
        "a country node is drawn"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_png_scale_multiplies_its_pixels() {
    let dir = out_dir("scale");
    let mut sizes = Vec::new();
    for scale in ["1", "2"] {
        let png = dir.join(format!("map{scale}.png"));
        let out = actormap()
            .args([
                "render",
                "sample_data/01_iran_pakistan_talks.txt",
                "--no-legend",
                "--scale",
                scale,
            ])
            .arg("--png")
            .arg(&png)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (w, h, _) = decode_png(&png);
        sizes.push((w, h));
    }
    assert_eq!(sizes[1], (sizes[0].0 * 2, sizes[0].1 * 2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_input_writes_nothing_and_fails() {
    let dir = out_dir("fail");
    let png = dir.join("map.png");
    let out = actormap()
        .args([
            "render",
            "sample_data/01_iran_pakistan_talks.txt",
            "no/such/article.txt",
        ])
        .arg("--png")
        .arg(&png)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no/such/article.txt") && err.contains("nothing written"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no file, not even a temporary one"
    );

    // An input with no actors is no map either.
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "The weather was fine and nothing happened.").unwrap();
    let out = actormap()
        .arg("render")
        .arg(&empty)
        .arg("--png")
        .arg(&png)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!png.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn render_says_what_is_missing_on_the_command_line() {
    let out = actormap().args(["render", "sample_data"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--png"));
    let out = actormap()
        .args(["render", "sample_data", "--png", "x.png", "--scale", "zero"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
