//! The outcome measures myomap knows — standardised instruments, the PSFS's single activity,
//! the pressure-pain threshold and joint movements — read from `assets/outcome_measures.ron`,
//! where each range, direction and threshold sits with its published source. Nothing here is
//! a figure in code: [`catalog`] is that file, parsed once.

use std::sync::LazyLock;

use serde::Deserialize;

/// The catalog as shipped, embedded at build time.
pub const OUTCOME_MEASURES_RON: &str = include_str!("../../assets/outcome_measures.ron");

/// Which way a measure improves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
pub enum Better {
    /// Less is better: pain, disability (NPRS, NDI, ODI, QuickDASH).
    Lower,
    /// More is better: function, motion, pressure tolerated (PSFS, LEFS, ROM, PPT).
    Higher,
}

impl Better {
    pub fn label(self) -> &'static str {
        match self {
            Self::Lower => "lower is better",
            Self::Higher => "higher is better",
        }
    }

    /// `+1.0` when a rise is an improvement, `-1.0` when a fall is.
    pub fn sign(self) -> f64 {
        match self {
            Self::Lower => -1.0,
            Self::Higher => 1.0,
        }
    }
}

/// A change threshold in the measure's own units, with where it was published.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Threshold {
    pub value: f64,
    pub source: String,
}

/// A standardised instrument scored as one number.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// The key in a session's `outcomes.scores` (`"ndi"`).
    pub id: String,
    pub abbreviation: String,
    pub name: String,
    pub min: f64,
    pub max: f64,
    /// The smallest step the score moves in (1 point, or 0.1 for QuickDASH).
    pub step: f64,
    /// Shown after a score: "/50", "%".
    pub unit: String,
    pub better: Better,
    /// Minimal detectable change: smaller changes are measurement error.
    pub mdc: Threshold,
    /// Minimal clinically important difference.
    pub mcid: Threshold,
}

/// A change threshold pair for a measure that is not an instrument of its own.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub mdc: Threshold,
    pub mcid: Threshold,
}

/// A joint movement whose active range is measured in degrees.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Movement {
    /// The key in a session's range-of-motion list (`"cervical_rotation"`).
    pub id: String,
    /// "Cervical spine", "Shoulder", …
    pub region: String,
    /// "Rotation", "External rotation", …
    pub name: String,
    /// Measured left and right separately.
    pub sided: bool,
    /// Normal active range, degrees (AAOS; see the file for sources).
    pub normal: f64,
    /// The most a joint can do; anything larger is refused as a typing error.
    pub limit: f64,
    /// Measurement error of one examiner, degrees.
    pub mdc: f64,
}

impl Movement {
    /// "Cervical spine rotation".
    pub fn label(&self) -> String {
        format!("{} {}", self.region, self.name.to_lowercase())
    }
}

/// Everything in `assets/outcome_measures.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub format_version: u32,
    pub instruments: Vec<Instrument>,
    pub psfs_activity: Thresholds,
    pub pressure_pain_threshold: Thresholds,
    pub movements: Vec<Movement>,
    pub range_of_motion_sources: String,
}

/// The id of the NPRS, recorded as the session's `pain_before` rather than as a score.
pub const NPRS: &str = "nprs";
/// The id of the PSFS, recorded as the session's `outcomes.psfs` activities.
pub const PSFS: &str = "psfs";

impl Catalog {
    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    /// The instruments entered as one score (all but the NPRS and the PSFS, which have
    /// their own fields).
    pub fn scored(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments
            .iter()
            .filter(|i| i.id != NPRS && i.id != PSFS)
    }

    pub fn movement(&self, id: &str) -> Option<&Movement> {
        self.movements.iter().find(|m| m.id == id)
    }

    /// The NPRS entry (always present: checked by the catalog's tests).
    pub fn nprs(&self) -> &Instrument {
        self.instrument(NPRS).expect("the catalog has the NPRS")
    }

    /// The PSFS entry (always present: checked by the catalog's tests).
    pub fn psfs(&self) -> &Instrument {
        self.instrument(PSFS).expect("the catalog has the PSFS")
    }
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| {
    ron::from_str(OUTCOME_MEASURES_RON).expect("assets/outcome_measures.ron is valid (tested)")
});

/// The shipped catalog of outcome measures.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_parses_and_every_figure_is_sane_and_sourced() {
        let catalog: Catalog = ron::from_str(OUTCOME_MEASURES_RON).expect("parses");
        for id in [NPRS, PSFS, "ndi", "odi", "quickdash", "lefs"] {
            assert!(catalog.instrument(id).is_some(), "{id}");
        }
        for i in &catalog.instruments {
            assert!(i.min < i.max && i.step > 0.0, "{}", i.id);
            for t in [&i.mdc, &i.mcid] {
                assert!(t.value > 0.0 && t.value < i.max - i.min, "{}", i.id);
                assert!(t.source.len() > 20, "{} has a source", i.id);
            }
        }
        let mut ids: Vec<&str> = catalog.movements.iter().map(|m| m.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(
            ids.len(),
            catalog.movements.len(),
            "movement ids are unique"
        );
        for m in &catalog.movements {
            assert!(
                0.0 < m.normal && m.normal < m.limit && m.mdc > 0.0,
                "{}",
                m.id
            );
        }
        assert!(catalog.movement("straight_leg_raise").is_some());
        assert!(
            catalog
                .movement("cervical_rotation")
                .is_some_and(|m| m.sided)
        );
    }

    #[test]
    fn direction_is_data_lower_for_disability_higher_for_function() {
        let c = catalog();
        for id in ["nprs", "ndi", "odi", "quickdash"] {
            assert_eq!(
                c.instrument(id).map(|i| i.better),
                Some(Better::Lower),
                "{id}"
            );
        }
        for id in ["psfs", "lefs"] {
            assert_eq!(
                c.instrument(id).map(|i| i.better),
                Some(Better::Higher),
                "{id}"
            );
        }
    }
}
