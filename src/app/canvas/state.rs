//! The canvas's state between frames, in its three kinds: where the user is looking
//! ([`ViewMemory`]), what was drawn and can be reused ([`SceneCache`]), and the tool in use
//! ([`ToolState`]). Never part of the document; the canvas widget borrows it each frame.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Pos2, Rect, TextureHandle};

use super::hover::Hover;
use super::tool::ToolState;
use crate::bodymap::StandardMap;
use crate::bodymap::overlays::OverlaySet;
use crate::geometry::{MapPoint, ViewId, views};
use crate::model::Session;
use crate::scene::overlays::OverlayScene;
use crate::scene::{LayerMode, MapScene, Projection, SafetyScene, tolerance_for_scale};

/// Where the user is looking: the view and how it is drawn, and the pan and zoom of every
/// view visited (like walkers' `MapMemory`), so a view comes back as it was left.
pub struct ViewMemory {
    pub view: ViewId,
    pub layers: LayerMode,
    /// Show the drawing as the patient sees themselves (mirrored left to right).
    pub mirrored: bool,
    pub labels: bool,
    /// Show the needling safety zones over the drawing.
    pub safety_zones: bool,
    /// The overlays shown over the drawing: dermatomes, cutaneous nerve fields, bony
    /// landmarks (`bodymap::overlays`).
    pub overlays: OverlaySet,
    /// The view's projection as last shown; `None` fits it on the next frame.
    pub(crate) projection: Option<Projection>,
    /// The view shows the whole drawing as fitted (not zoomed or panned by the user).
    pub(crate) fitted: bool,
    /// How the other views visited were left.
    others: HashMap<ViewId, Placement>,
    /// The projection that fits the view in the current canvas, for zoom limits and "%".
    pub(crate) fit_scale: f32,
    pub(crate) last_rect: Rect,
}

/// How a view was left: its projection, whether it was fitted, and the canvas it was shown
/// in (a canvas resized since re-centres it).
#[derive(Clone, Copy, Debug)]
struct Placement {
    projection: Option<Projection>,
    fitted: bool,
    rect: Rect,
}

impl ViewMemory {
    pub fn new(view: ViewId) -> Self {
        Self {
            view,
            layers: LayerMode::Superficial,
            mirrored: false,
            labels: true,
            safety_zones: false,
            overlays: OverlaySet::NONE,
            projection: None,
            fitted: true,
            others: HashMap::new(),
            fit_scale: 1.0,
            last_rect: Rect::NOTHING,
        }
    }

    /// Shows another view, zoomed and panned as it was last left (fitted the first time).
    pub fn set_view(&mut self, view: ViewId) {
        if view == self.view {
            return;
        }
        let back = self.others.remove(&view).unwrap_or(Placement {
            projection: None,
            fitted: true,
            rect: Rect::NOTHING,
        });
        let left = std::mem::replace(&mut self.view, view);
        let placement = Placement {
            projection: self.projection,
            fitted: self.fitted,
            rect: self.last_rect,
        };
        self.others.insert(left, placement);
        self.projection = back.projection;
        self.fitted = back.fitted;
        self.last_rect = back.rect;
    }

    /// Fits the whole view in the canvas on the next frame.
    pub fn fit(&mut self) {
        self.projection = None;
    }

    /// Where a body-map point is on screen, once the canvas has been shown.
    pub fn screen_pos(&self, at: MapPoint) -> Option<Pos2> {
        let projection = Projection {
            mirrored: self.mirrored,
            ..self.projection?
        };
        let (x, y) = projection.to_screen(at);
        Some(Pos2::new(x, y))
    }

    /// The zoom (relative to fitted) and the map point at the canvas centre, once shown.
    pub fn zoom_and_centre(&self) -> Option<(f32, MapPoint)> {
        self.projection.map(|p| (self.zoom(), p.centre))
    }

    /// Shows the drawing at `zoom` (relative to fitted) centred on `centre`: how two linked
    /// canvases follow each other.
    pub fn set_zoom_and_centre(&mut self, zoom: f32, centre: MapPoint) {
        if let Some(projection) = &mut self.projection {
            projection.scale = zoom * self.fit_scale;
            projection.centre = centre;
            self.fitted = (zoom - 1.0).abs() < 1e-4;
        }
    }

    /// Zoom relative to the fitted view, 1.0 = fitted.
    pub fn zoom(&self) -> f32 {
        self.projection
            .map_or(1.0, |p| p.scale / self.fit_scale.max(1e-6))
    }
}

struct CachedScene {
    view: ViewId,
    layers: LayerMode,
    tolerance: f32,
    scene: Arc<MapScene>,
}

/// The painted zones of a view as one texture.
pub(crate) struct CachedZones {
    pub view: ViewId,
    /// The document's zones revision it was built for.
    pub zones_revision: u64,
    pub texture: Option<TextureHandle>,
}

/// The marks' glyphs as last built: rebuilt when the session, view, projection or theme
/// changes, not every frame.
pub(crate) struct CachedGlyphs {
    pub view: ViewId,
    pub revision: u64,
    pub projection: Projection,
    pub colors: crate::scene::MarkColors,
    pub glyphs: Vec<crate::scene::Glyph>,
}

/// What the canvas drew and can reuse, each keyed on exactly what it depends on: the map's
/// scene on the view, layers and flattening tolerance; the zone texture on the view and the
/// zones revision (typing a note does not repaint it); the glyphs on the whole revision, the
/// projection and the theme.
#[derive(Default)]
pub struct SceneCache {
    scene: Option<CachedScene>,
    /// The safety zones of the view shown, built when first shown.
    safety_scene: Option<(ViewId, Arc<SafetyScene>)>,
    /// The overlays shown on the view, built when the view or the overlays change.
    overlay_scene: Option<(ViewId, OverlaySet, Arc<OverlayScene>)>,
    pub(crate) zones: Option<CachedZones>,
    pub(crate) glyphs: Option<CachedGlyphs>,
    /// The overlay's image of the view: (view, overlay key, texture).
    pub(crate) overlay_texture: Option<(ViewId, u64, Option<TextureHandle>)>,
    /// How many times the zone texture was built (for tests and profiling).
    pub(crate) zone_builds: u64,
}

impl SceneCache {
    pub(crate) fn scene(
        &mut self,
        map: &StandardMap,
        memory: &ViewMemory,
        scale: f32,
    ) -> Option<Arc<MapScene>> {
        let tolerance = tolerance_for_scale(scale);
        let fresh = self.scene.as_ref().is_some_and(|c| {
            c.view == memory.view && c.layers == memory.layers && c.tolerance == tolerance
        });
        if !fresh {
            let view = map.map.view(&memory.view)?;
            self.scene = Some(CachedScene {
                view: memory.view.clone(),
                layers: memory.layers,
                tolerance,
                scene: Arc::new(MapScene::new(&map.map, view, memory.layers, tolerance)),
            });
        }
        self.scene.as_ref().map(|c| Arc::clone(&c.scene))
    }

    pub(crate) fn safety_scene(&mut self, map: &StandardMap, view: &ViewId) -> Arc<SafetyScene> {
        if self.safety_scene.as_ref().is_none_or(|(v, _)| v != view) {
            let scene = Arc::new(SafetyScene::new(&map.map, view));
            self.safety_scene = Some((view.clone(), scene));
        }
        self.safety_scene
            .as_ref()
            .map(|(_, scene)| Arc::clone(scene))
            .unwrap_or_default()
    }

    /// The overlays `shown` on `view`, built once for each view and choice.
    pub(crate) fn overlay_scene(&mut self, view: &ViewId, shown: OverlaySet) -> Arc<OverlayScene> {
        if self
            .overlay_scene
            .as_ref()
            .is_none_or(|(v, s, _)| v != view || *s != shown)
        {
            let scene = OverlayScene::new(crate::bodymap::overlays::overlays(), view, shown);
            self.overlay_scene = Some((view.clone(), shown, Arc::new(scene)));
        }
        self.overlay_scene
            .as_ref()
            .map(|(_, _, scene)| Arc::clone(scene))
            .unwrap_or_default()
    }

    /// Whether the view's safety zones, once built, have any area to show.
    pub(crate) fn has_safety_areas(&self) -> bool {
        self.safety_scene
            .as_ref()
            .is_some_and(|(_, scene)| !scene.areas.is_empty())
    }
}

/// The canvas's state between frames: never saved in the session.
pub struct CanvasState {
    pub memory: ViewMemory,
    pub tools: ToolState,
    pub(crate) cache: SceneCache,
    /// What lies under the pointer, as of the last frame.
    pub hover: Option<Hover>,
    /// Set when the user tried to change marks on a canvas that cannot change them (Delete,
    /// or dragging a mark, on a signed session); the screen says why and clears it.
    pub read_only_attempt: bool,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self::new(ViewId::new(views::ANTERIOR))
    }
}

impl CanvasState {
    pub fn new(view: ViewId) -> Self {
        Self {
            memory: ViewMemory::new(view),
            tools: ToolState::default(),
            cache: SceneCache::default(),
            hover: None,
            read_only_attempt: false,
        }
    }

    /// The state for a newly opened session: the first view it has marks on.
    pub fn for_session(session: &Session) -> Self {
        let marked = session
            .trigger_points
            .iter()
            .map(|m| &m.view)
            .chain(session.referred_zones.iter().map(|m| &m.view))
            .chain(session.needle_sites.iter().map(|m| &m.view))
            .next();
        Self::new(
            marked
                .cloned()
                .unwrap_or_else(|| ViewId::new(views::ANTERIOR)),
        )
    }

    /// How many times the painted zones' texture has been built: it should change when the
    /// zones or the view change, and not when anything else is edited.
    pub fn zone_texture_builds(&self) -> u64 {
        self.cache.zone_builds
    }
}
