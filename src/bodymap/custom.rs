//! Custom views: a clinic's own diagram (a hand, a foot, a spine chart) as an extra view,
//! kept in the library's `views/` folder as an image (PNG/JPEG) with a small RON descriptor.
//! Marks on a custom view are stored in the image's own coordinates (pixels, x right, y down
//! from the top-left corner), so they stay put whatever the screen does.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::path::{self, FLATTEN_TOLERANCE_MM, Path as Shape};
use crate::geometry::{MapPoint, ViewId, views};
use crate::model::Side;
use crate::storage::{DecodeError, LoadError, Versioned};

pub const CUSTOM_VIEW_FORMAT_VERSION: u32 = 1;
/// The folder of a library that holds custom views.
pub const CUSTOM_VIEWS_FOLDER: &str = "views";
/// Images larger than this (pixels a side) are refused: a diagram needs no more, and a
/// huge image would stall the app.
pub const MAX_IMAGE_SIDE: u32 = 8192;

/// A named region a clinician drew on a custom view (e.g. "thenar eminence").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRegion {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub side: Side,
    /// In image pixels.
    pub shape: Shape,
}

/// The descriptor file `views/<id>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomViewFile {
    pub format_version: u32,
    /// The view id stored in marks: snake_case, never one of the standard views' ids.
    pub id: String,
    pub name: String,
    /// The image's file name, beside the descriptor.
    pub image: String,
    #[serde(default)]
    pub regions: Vec<CustomRegion>,
}

impl Versioned for CustomViewFile {
    const CURRENT: u32 = CUSTOM_VIEW_FORMAT_VERSION;

    fn decode_version(version: u32, text: &str) -> Result<Self, DecodeError> {
        match version {
            1 => crate::storage::parse_ron(text),
            other => Err(DecodeError::unknown_version(other, text)),
        }
    }
}

/// A custom view as found in a library.
#[derive(Clone, Debug)]
pub struct CustomView {
    pub file: CustomViewFile,
    /// The descriptor's path.
    pub path: PathBuf,
    /// The image's size in pixels, when it could be read.
    pub size: Option<(u32, u32)>,
    /// Why the image cannot be shown (missing, unreadable, too large), if it cannot.
    pub image_problem: Option<String>,
}

impl CustomView {
    pub fn id(&self) -> ViewId {
        ViewId::new(self.file.id.clone())
    }

    pub fn image_path(&self) -> PathBuf {
        self.path
            .parent()
            .unwrap_or_else(|| Path::new("."))
            .join(&self.file.image)
    }

    /// The region under a point (in image pixels), last drawn first.
    pub fn region_at(&self, p: MapPoint) -> Option<&CustomRegion> {
        self.file
            .regions
            .iter()
            .rev()
            .find(|r| path::polygon_contains(&r.shape.flatten(FLATTEN_TOLERANCE_MM), p))
    }
}

impl CustomViewFile {
    /// What is wrong with the descriptor, given the image's size when known.
    pub fn problems(&self, size: Option<(u32, u32)>) -> Vec<String> {
        let mut problems = Vec::new();
        if !super::is_snake_case(&self.id) {
            problems.push(format!("view id {:?} is not snake_case", self.id));
        }
        if views::ALL.contains(&self.id.as_str()) {
            problems.push(format!(
                "view id {:?} is a standard view's id; choose another",
                self.id
            ));
        }
        if self.name.trim().is_empty() {
            problems.push("the view has no name".to_owned());
        }
        let image = Path::new(&self.image);
        if self.image.is_empty() || image.components().count() != 1 || image.is_absolute() {
            problems.push(format!(
                "image {:?} must be a file name in the same folder",
                self.image
            ));
        }
        let mut ids = HashSet::new();
        for region in &self.regions {
            let what = format!("region {}", region.id);
            if !ids.insert(region.id.as_str()) {
                problems.push(format!("{what} is defined twice"));
            }
            super::shape_problems(&mut problems, &what, &region.shape);
            if let Some((w, h)) = size {
                let outside = region
                    .shape
                    .flatten(FLATTEN_TOLERANCE_MM)
                    .into_iter()
                    .any(|p| {
                        p.x < -1.0 || p.y < -1.0 || p.x > w as f32 + 1.0 || p.y > h as f32 + 1.0
                    });
                if outside {
                    problems.push(format!("{what} reaches outside the {w} × {h} image"));
                }
            }
        }
        problems
    }
}

/// The size of a custom view's upright picture (EXIF orientation applied), read from its
/// header without decoding it; see [`super::picture`].
pub fn image_size(path: &Path) -> Result<(u32, u32), String> {
    super::picture::upright_size(path)
}

/// A custom view's picture decoded upright, at most `max_side` pixels on its long side
/// (RGBA, straight alpha), or why it cannot be; see [`super::picture::decode_for_display`].
pub fn decode_diagram(view: &CustomView, max_side: u32) -> Result<image::RgbaImage, String> {
    if let Some(problem) = &view.image_problem {
        return Err(problem.clone());
    }
    super::picture::decode_for_display(&view.image_path(), max_side)
}

/// Reads one descriptor and checks its image.
pub fn load_custom_view(path: &Path) -> Result<CustomView, LoadError> {
    let file: CustomViewFile = crate::storage::load(path)?;
    let mut view = CustomView {
        file,
        path: path.to_owned(),
        size: None,
        image_problem: None,
    };
    match image_size(&view.image_path()) {
        Ok(size) => view.size = Some(size),
        Err(problem) => view.image_problem = Some(problem),
    }
    Ok(view)
}

/// Every custom view of a library, with a message for each descriptor that could not be
/// read or is not valid (those views are left out, never half-shown).
pub fn load_custom_views(library_root: &Path) -> (Vec<CustomView>, Vec<String>) {
    let folder = library_root.join(CUSTOM_VIEWS_FOLDER);
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return (found, problems);
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    let mut ids = HashSet::new();
    for path in paths {
        match load_custom_view(&path) {
            Ok(view) => {
                let invalid = view.file.problems(view.size);
                if !invalid.is_empty() {
                    problems.push(format!(
                        "Custom view {} ({}) is not valid: {}",
                        view.file.id,
                        path.display(),
                        invalid.join("; ")
                    ));
                } else if !ids.insert(view.file.id.clone()) {
                    problems.push(format!(
                        "Custom view {} uses the id {} of another custom view; it is left out",
                        path.display(),
                        view.file.id
                    ));
                } else {
                    if let Some(problem) = &view.image_problem {
                        problems.push(format!(
                            "Custom view \"{}\": {problem}. Marks on it are kept, but the diagram cannot be shown.",
                            view.file.name
                        ));
                    }
                    found.push(view);
                }
            }
            Err(error) => problems.push(format!(
                "Custom view {} ({}) could not be read: {error}",
                path.file_stem().unwrap_or_default().to_string_lossy(),
                path.display()
            )),
        }
    }
    (found, problems)
}

/// A snake_case id for a new custom view from its name ("Hand, dorsal" → "hand_dorsal"),
/// made unique against `taken` and the standard views.
pub fn id_from_name(name: &str, taken: &[String]) -> String {
    let mut id = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
    }
    // Room for "view_" and a "_NN" suffix within the length ids may have.
    let mut id: String = id
        .trim_end_matches('_')
        .chars()
        .take(crate::model::limits::ID - 12)
        .collect();
    id = id.trim_end_matches('_').to_owned();
    if id.is_empty() || !id.starts_with(|c: char| c.is_ascii_lowercase()) {
        id.insert_str(0, "view_");
    }
    let base = id.clone();
    let mut n = 2;
    while views::ALL.contains(&id.as_str()) || taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    id
}

/// Adds a custom view to a library: copies the image into `views/` and writes its
/// descriptor. Refuses to replace an existing file.
pub fn add_custom_view(
    library_root: &Path,
    name: &str,
    image: &Path,
    taken: &[String],
) -> Result<CustomView, String> {
    let size = image_size(image)?;
    let name = name.trim();
    if name.is_empty() {
        return Err("The view needs a name.".to_owned());
    }
    let folder = library_root.join(CUSTOM_VIEWS_FOLDER);
    crate::storage::create_dir_all_private(&folder)
        .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let id = id_from_name(name, taken);
    let extension = image
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_else(|| "png".to_owned());
    let image_name = format!("{id}.{extension}");
    let image_target = folder.join(&image_name);
    let descriptor = folder.join(format!("{id}.ron"));
    for target in [&image_target, &descriptor] {
        if target.exists() {
            return Err(format!(
                "{} already exists; nothing was changed",
                target.display()
            ));
        }
    }
    let bytes = crate::storage::read_bounded(image).map_err(|e| format!("cannot read {e}"))?;
    crate::storage::write_atomically(&image_target, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", image_target.display()))?;
    let file = CustomViewFile {
        format_version: CUSTOM_VIEW_FORMAT_VERSION,
        id,
        name: name.to_owned(),
        image: image_name,
        regions: Vec::new(),
    };
    let text = crate::storage::encode(&file).map_err(|e| e.to_string())?;
    crate::storage::write_atomically(&descriptor, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", descriptor.display()))?;
    Ok(CustomView {
        file,
        path: descriptor,
        size: Some(size),
        image_problem: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bodymap::Segment;

    fn write_png(path: &Path, w: u32, h: u32) {
        let image = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 180, 160, 255]));
        image.save(path).expect("png written");
    }

    fn square(x0: f32, y0: f32, x1: f32, y1: f32) -> Shape {
        Shape {
            start: MapPoint::new(x0, y0),
            segments: vec![
                Segment::L(MapPoint::new(x1, y0)),
                Segment::L(MapPoint::new(x1, y1)),
                Segment::L(MapPoint::new(x0, y1)),
            ],
            closed: true,
        }
    }

    #[test]
    fn adding_a_view_copies_the_image_and_writes_a_descriptor_that_loads_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        let image = dir.path().join("My hand drawing.PNG");
        write_png(&image, 400, 300);
        let view = add_custom_view(dir.path(), "Hand, dorsal", &image, &[]).expect("added");
        assert_eq!(view.file.id, "hand_dorsal");
        assert_eq!(view.size, Some((400, 300)));
        assert!(dir.path().join("views/hand_dorsal.png").is_file());

        let (views, problems) = load_custom_views(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].file.name, "Hand, dorsal");

        // The same name again gets its own id; nothing is overwritten.
        let again = add_custom_view(
            dir.path(),
            "Hand, dorsal",
            &image,
            &["hand_dorsal".to_owned()],
        )
        .expect("added");
        assert_eq!(again.file.id, "hand_dorsal_2");
        assert_eq!(id_from_name("Anterior", &[]), "anterior_2");
        assert_eq!(id_from_name("  3 ", &[]), "view_3");
    }

    #[test]
    fn a_missing_image_keeps_the_view_with_a_clear_warning() {
        let dir = tempfile::tempdir().expect("temp dir");
        let png = dir.path().join("foot.png");
        write_png(&png, 100, 100);
        // A PNG named .jpg still reads: the format is guessed from the content.
        let image = dir.path().join("foot.jpg");
        std::fs::rename(&png, &image).expect("renamed");
        add_custom_view(dir.path(), "Foot", &image, &[]).expect("added");
        std::fs::remove_file(dir.path().join("views/foot.jpg")).expect("removed");
        let (views, problems) = load_custom_views(dir.path());
        assert_eq!(views.len(), 1, "the view stays so marks on it still open");
        assert!(views[0].image_problem.is_some());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("\"Foot\""), "{problems:?}");
        assert!(problems[0].contains("Marks on it are kept"), "{problems:?}");
    }

    #[test]
    fn invalid_descriptors_are_named_and_left_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join(CUSTOM_VIEWS_FOLDER);
        std::fs::create_dir_all(&folder).expect("folder");
        write_png(&folder.join("spine.png"), 200, 600);
        let file = CustomViewFile {
            format_version: 1,
            id: "posterior".into(),
            name: "Spine".into(),
            image: "../spine.png".into(),
            regions: vec![CustomRegion {
                id: "l5".into(),
                name: "L5".into(),
                side: Side::Midline,
                shape: square(50.0, 500.0, 150.0, 700.0),
            }],
        };
        let text = crate::storage::encode(&file).expect("encodes");
        std::fs::write(folder.join("spine.ron"), text).expect("written");
        std::fs::write(folder.join("garbage.ron"), "(format_version: 1, id: ").expect("written");
        let (views, problems) = load_custom_views(dir.path());
        assert!(views.is_empty());
        let all = problems.join("\n");
        assert!(all.contains("standard view's id"), "{all}");
        assert!(all.contains("must be a file name"), "{all}");
        assert!(all.contains("garbage.ron) could not be read"), "{all}");
        assert!(all.contains("Custom view garbage ("), "{all}");

        let fixed = CustomViewFile {
            id: "spine_chart".into(),
            image: "spine.png".into(),
            ..file
        };
        let problems = fixed.problems(Some((200, 600)));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("outside the 200 × 600 image"));
        assert!(fixed.problems(Some((200, 800))).is_empty());
    }

    #[test]
    fn regions_are_found_under_a_point() {
        let view = CustomView {
            file: CustomViewFile {
                format_version: 1,
                id: "hand".into(),
                name: "Hand".into(),
                image: "hand.png".into(),
                regions: vec![CustomRegion {
                    id: "thenar".into(),
                    name: "Thenar eminence".into(),
                    side: Side::Right,
                    shape: square(10.0, 10.0, 60.0, 60.0),
                }],
            },
            path: PathBuf::from("views/hand.ron"),
            size: Some((100, 100)),
            image_problem: None,
        };
        assert_eq!(
            view.region_at(MapPoint::new(30.0, 30.0))
                .map(|r| r.name.as_str()),
            Some("Thenar eminence")
        );
        assert!(view.region_at(MapPoint::new(80.0, 80.0)).is_none());
        assert_eq!(view.image_path(), PathBuf::from("views/hand.png"));
    }
}
