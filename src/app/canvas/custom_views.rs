//! The open library's custom views and their images as textures, decoded on first show.
//! Reading and validating the files is `bodymap::custom`; this only keeps the pictures.

use std::collections::HashMap;
use std::path::Path;

use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::bodymap::custom::{CustomView, load_custom_views};

#[derive(Default)]
pub struct CustomViews {
    pub views: Vec<CustomView>,
    textures: HashMap<String, Result<TextureHandle, String>>,
}

impl CustomViews {
    /// Reads the custom views of the library at `root`; returns a message per problem.
    pub fn load(root: &Path) -> (Self, Vec<String>) {
        let (views, problems) = load_custom_views(root);
        (
            Self {
                views,
                textures: HashMap::new(),
            },
            problems,
        )
    }

    pub fn get(&self, id: &str) -> Option<&CustomView> {
        self.views.iter().find(|v| v.file.id == id)
    }

    pub fn ids(&self) -> Vec<String> {
        self.views.iter().map(|v| v.file.id.clone()).collect()
    }

    /// The view's image as a texture, decoding it the first time; or why it cannot be shown.
    pub fn texture(&mut self, ctx: &egui::Context, id: &str) -> Result<TextureHandle, String> {
        if let Some(done) = self.textures.get(id) {
            return done.clone();
        }
        let result = match self.get(id) {
            None => Err(format!("there is no custom view {id}")),
            Some(view) => decode(view).map(|image| {
                ctx.load_texture(format!("custom_view_{id}"), image, TextureOptions::LINEAR)
            }),
        };
        self.textures.insert(id.to_owned(), result.clone());
        result
    }
}

fn decode(view: &CustomView) -> Result<ColorImage, String> {
    let image = crate::bodymap::custom::decode_diagram(view)?;
    let size = [image.width() as usize, image.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, image.as_raw()))
}
