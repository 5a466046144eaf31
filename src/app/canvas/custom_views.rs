//! The open library's custom views and their pictures: decoded when the views are read (by
//! command handling), uploaded as textures when first shown. Validating the files is
//! `bodymap::custom`; this only keeps the pictures.

use std::collections::HashMap;
use std::path::Path;

use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::bodymap::custom::{CustomView, load_custom_views};

/// A custom view's picture: decoded when the library's views are read, uploaded as a texture
/// the first time it is shown.
enum Picture {
    Decoded(ColorImage),
    Shown(TextureHandle),
    Failed(String),
}

#[derive(Default)]
pub struct CustomViews {
    pub views: Vec<CustomView>,
    pictures: HashMap<String, Picture>,
}

impl CustomViews {
    /// Reads the custom views of the library at `root` and decodes their pictures (file
    /// reads happen here, with the library's other reads, never while drawing); returns a
    /// message per problem.
    pub fn load(root: &Path) -> (Self, Vec<String>) {
        let (views, problems) = load_custom_views(root);
        let pictures = views
            .iter()
            .map(|view| {
                let picture = decode(view).map_or_else(Picture::Failed, Picture::Decoded);
                (view.file.id.clone(), picture)
            })
            .collect();
        (Self { views, pictures }, problems)
    }

    pub fn get(&self, id: &str) -> Option<&CustomView> {
        self.views.iter().find(|v| v.file.id == id)
    }

    pub fn ids(&self) -> Vec<String> {
        self.views.iter().map(|v| v.file.id.clone()).collect()
    }

    /// The view's picture as a texture (uploaded the first time); or why it cannot be shown.
    pub fn texture(&mut self, ctx: &egui::Context, id: &str) -> Result<TextureHandle, String> {
        let Some(picture) = self.pictures.get_mut(id) else {
            return Err(format!("there is no custom view {id}"));
        };
        let shown = match std::mem::replace(picture, Picture::Failed(String::new())) {
            Picture::Decoded(image) => Picture::Shown(ctx.load_texture(
                format!("custom_view_{id}"),
                image,
                TextureOptions::LINEAR,
            )),
            other => other,
        };
        *picture = shown;
        match picture {
            Picture::Shown(texture) => Ok(texture.clone()),
            Picture::Failed(problem) => Err(problem.clone()),
            Picture::Decoded(_) => Err("the picture was not uploaded".to_owned()),
        }
    }
}

fn decode(view: &CustomView) -> Result<ColorImage, String> {
    let image =
        crate::bodymap::custom::decode_diagram(view, crate::bodymap::picture::DISPLAY_SIDE)?;
    let size = [image.width() as usize, image.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}
