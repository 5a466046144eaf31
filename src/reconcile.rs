//! Reconciling two versions of one visit that two workstations changed apart (a sync
//! engine's conflict copy): a three-way merge when the common ancestor is known (the `.bak`
//! of the file, or the version both started from), a two-way one when it is not.
//!
//! The merge works on the session's fields by name and on its marks by id, so every field
//! of the record — today's and those added later — takes part without code of its own:
//! - a field both versions left alone, or changed the same way, is kept;
//! - with an ancestor, a field only one version changed takes that change;
//! - a mark only one version added is kept (if the other added a different mark under the
//!   same id, one of them gets a new id and the links to it follow);
//! - a mark only one version removed is removed, if the other left it unchanged;
//! - everything else is a [`Clash`], chosen one by one by the clinician ([`Choice`]).
//!
//! Nothing is decided silently: without an ancestor, any difference is a clash. A signed
//! version is never merged into ([`Refused::Signed`]): its changes become an addendum, or
//! the other version stays a separate unsigned copy.

use serde_json::{Map, Value};

use crate::model::Session;

/// The lists of marks, merged by id.
const MARK_LISTS: [&str; 5] = [
    "trigger_points",
    "referred_zones",
    "needle_sites",
    "arrows",
    "text_notes",
];

/// Fields that are not the visit's content and are never merged.
const NOT_MERGED: [&str; 3] = ["format_version", "signature", "addenda"];

/// What differs between the two versions and needs the clinician.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub item: Item,
    /// This workstation's version (the file's), `None` when it removed the item.
    pub ours: Option<Value>,
    /// The other workstation's version (the conflict copy's), `None` when it removed it.
    pub theirs: Option<Value>,
}

/// Where a clash is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A field of the visit (`"notes"`, `"pain_before"`, `"outcomes"`).
    Field(String),
    /// A mark: its list (`"trigger_points"`) and id.
    Mark { list: String, id: u64 },
}

impl Item {
    /// "notes", "trigger point 3".
    pub fn describe(&self) -> String {
        match self {
            Self::Field(name) => name.replace('_', " "),
            Self::Mark { list, id } => {
                let kind = list.trim_end_matches('s').replace('_', " ");
                format!("{kind} {id}")
            }
        }
    }
}

/// The clinician's answer to a clash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Ours,
    Theirs,
    /// Both marks, the other one under a new id (for marks only; a field takes ours).
    Both,
}

/// Why two versions cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error(
        "the {0} version is signed: a signed visit is never merged into; add the other version's changes as an addendum, or keep it as a separate unsigned copy"
    )]
    Signed(&'static str),
    #[error(
        "the two files are different visits (different session ids); they are not versions of one visit"
    )]
    DifferentVisits,
}

/// A merge in progress: what merged by itself, and the clashes left.
#[derive(Clone, Debug)]
pub struct Reconciliation {
    merged: Map<String, Value>,
    ours: Map<String, Value>,
    theirs: Map<String, Value>,
    pub clashes: Vec<Clash>,
    /// Marks that merged by themselves, for the clinician to see what was taken: "trigger
    /// point 4 added by the other workstation".
    pub taken: Vec<String>,
}

fn object(session: &Session) -> Map<String, Value> {
    match serde_json::to_value(session) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Starts reconciling `ours` (the file) with `theirs` (the conflict copy), from `base` when
/// the version both started from is known.
pub fn reconcile(
    base: Option<&Session>,
    ours: &Session,
    theirs: &Session,
) -> Result<Reconciliation, Refused> {
    if ours.id != theirs.id {
        return Err(Refused::DifferentVisits);
    }
    if ours.is_signed() {
        return Err(Refused::Signed("file's"));
    }
    if theirs.is_signed() {
        return Err(Refused::Signed("conflict copy's"));
    }
    let (o, t) = (object(ours), object(theirs));
    let b = base.filter(|b| b.id == ours.id).map(object);
    let mut merged = o.clone();
    let mut clashes = Vec::new();
    let mut taken = Vec::new();
    let mut added_twice = Vec::new();
    let keys: std::collections::BTreeSet<&String> = o.keys().chain(t.keys()).collect();
    for key in keys {
        if NOT_MERGED.contains(&key.as_str()) {
            continue;
        }
        let base_value = b.as_ref().map(|b| b.get(key));
        if MARK_LISTS.contains(&key.as_str()) {
            let list = merge_marks(
                key,
                base_value,
                (o.get(key), t.get(key)),
                &mut clashes,
                &mut taken,
                &mut added_twice,
            );
            merged.insert(key.clone(), Value::Array(list));
            continue;
        }
        match three_way(base_value, o.get(key), t.get(key)) {
            Merged::Value(value) => {
                if value.as_ref() != o.get(key) {
                    taken.push(format!(
                        "{} changed by the other workstation",
                        Item::Field(key.clone()).describe()
                    ));
                }
                match value {
                    Some(value) => merged.insert(key.clone(), value),
                    None => merged.remove(key),
                };
            }
            Merged::Clash => clashes.push(Clash {
                item: Item::Field(key.clone()),
                ours: o.get(key).cloned(),
                theirs: t.get(key).cloned(),
            }),
        }
    }
    for (list, id, mark) in added_twice {
        let fresh = keep_theirs_too(&mut merged, &list, (id, mark), (&o, &t));
        let item = Item::Mark { list, id };
        taken.push(format!(
            "{} added on both workstations: the other's is now number {fresh}",
            item.describe()
        ));
    }
    Ok(Reconciliation {
        merged,
        ours: o,
        theirs: t,
        clashes,
        taken,
    })
}

enum Merged {
    Value(Option<Value>),
    Clash,
}

/// The three-way rule for one value (absent = `None`); `base` is `None` when no ancestor is
/// known, `Some(None)` when the ancestor lacked the field.
fn three_way(base: Option<Option<&Value>>, ours: Option<&Value>, theirs: Option<&Value>) -> Merged {
    if ours == theirs {
        return Merged::Value(ours.cloned());
    }
    match base {
        Some(base) if ours == base => Merged::Value(theirs.cloned()),
        Some(base) if theirs == base => Merged::Value(ours.cloned()),
        _ => Merged::Clash,
    }
}

fn id_of(mark: &Value) -> Option<u64> {
    mark.get("id").and_then(Value::as_u64)
}

/// Merges one list of marks by id.
fn merge_marks(
    list: &str,
    base: Option<Option<&Value>>,
    (ours, theirs): (Option<&Value>, Option<&Value>),
    clashes: &mut Vec<Clash>,
    taken: &mut Vec<String>,
    added_twice: &mut Vec<(String, u64, Value)>,
) -> Vec<Value> {
    let marks = |v: Option<&Value>| -> Vec<Value> {
        v.and_then(Value::as_array).cloned().unwrap_or_default()
    };
    let known_base = base.is_some();
    let (base_marks, ours, theirs) = (marks(base.flatten()), marks(ours), marks(theirs));
    let find = |marks: &[Value], id: u64| marks.iter().find(|m| id_of(m) == Some(id)).cloned();
    let mut ids: Vec<u64> = ours.iter().chain(&theirs).filter_map(id_of).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut merged = Vec::new();
    for id in ids {
        let (b, o, t) = (find(&base_marks, id), find(&ours, id), find(&theirs, id));
        let item = Item::Mark {
            list: list.to_owned(),
            id,
        };
        match (&o, &t) {
            (Some(o_mark), Some(t_mark)) if o_mark == t_mark => merged.push(o_mark.clone()),
            // Both workstations added a mark under the same new id: both are kept, the
            // other's under a new id (given once every list is merged).
            (Some(o_mark), Some(t_mark)) if known_base && b.is_none() => {
                merged.push(o_mark.clone());
                added_twice.push((list.to_owned(), id, t_mark.clone()));
            }
            (Some(o_mark), Some(_)) if known_base && b.as_ref() == Some(o_mark) => {
                merged.extend(t.clone());
                taken.push(format!(
                    "{} changed by the other workstation",
                    item.describe()
                ));
            }
            (Some(o_mark), Some(t_mark)) if known_base && b.as_ref() == Some(t_mark) => {
                merged.push(o_mark.clone());
            }
            (Some(o_mark), None) => match &b {
                // Removed by the other workstation, unchanged here: removed.
                Some(b_mark) if b_mark == o_mark => {
                    taken.push(format!(
                        "{} removed by the other workstation",
                        item.describe()
                    ));
                }
                // Changed here, removed there: the clinician decides.
                Some(_) => clashes.push(Clash {
                    item,
                    ours: o.clone(),
                    theirs: None,
                }),
                // Added here (or, without an ancestor, possibly removed there: kept, so
                // nothing is lost).
                None => merged.push(o_mark.clone()),
            },
            (None, Some(t_mark)) => match &b {
                Some(b_mark) if b_mark == t_mark => {}
                Some(_) => clashes.push(Clash {
                    item,
                    ours: None,
                    theirs: t.clone(),
                }),
                None => {
                    merged.push(t_mark.clone());
                    taken.push(format!(
                        "{} added by the other workstation",
                        item.describe()
                    ));
                }
            },
            // Both changed it differently, or (without an ancestor) it differs.
            _ => clashes.push(Clash {
                item,
                ours: o.clone(),
                theirs: t.clone(),
            }),
        }
    }
    merged
}

impl Reconciliation {
    /// Whether every difference merged by itself.
    pub fn is_clean(&self) -> bool {
        self.clashes.is_empty()
    }

    /// The merged visit with `choices` (one per clash, in order; a missing choice keeps
    /// ours). Marks kept from both sides under one id give the other workstation's a new
    /// id, and links to it (a zone's source trigger point, a needle's trigger point) follow.
    pub fn resolve(&self, choices: &[Choice]) -> Result<Session, String> {
        let mut merged = self.merged.clone();
        for (index, clash) in self.clashes.iter().enumerate() {
            let choice = choices.get(index).copied().unwrap_or(Choice::Ours);
            match &clash.item {
                Item::Field(name) => {
                    let value = match choice {
                        Choice::Theirs => &clash.theirs,
                        Choice::Ours | Choice::Both => &clash.ours,
                    };
                    match value {
                        Some(value) => merged.insert(name.clone(), value.clone()),
                        None => merged.remove(name),
                    };
                }
                Item::Mark { list, id } => {
                    let entry = merged
                        .entry(list.clone())
                        .or_insert_with(|| Value::Array(Vec::new()));
                    let Value::Array(marks) = entry else {
                        continue;
                    };
                    let ours = clash.ours.clone();
                    let theirs = clash.theirs.clone();
                    match choice {
                        Choice::Ours => marks.extend(ours),
                        Choice::Theirs => marks.extend(theirs),
                        Choice::Both => {
                            marks.extend(ours);
                            if let Some(theirs) = theirs {
                                keep_theirs_too(
                                    &mut merged,
                                    list,
                                    (*id, theirs),
                                    (&self.ours, &self.theirs),
                                );
                            }
                        }
                    }
                }
            }
        }
        for list in MARK_LISTS {
            if let Some(Value::Array(marks)) = merged.get_mut(list) {
                marks.sort_by_key(|m| id_of(m).unwrap_or(u64::MAX));
            }
        }
        serde_json::from_value(Value::Object(merged)).map_err(|e| e.to_string())
    }

    /// The file's version as the merge sees it.
    pub fn ours(&self) -> &Map<String, Value> {
        &self.ours
    }

    /// The conflict copy's version as the merge sees it.
    pub fn theirs(&self) -> &Map<String, Value> {
        &self.theirs
    }
}

/// Adds the other workstation's mark `id` to `list` under a new id, its links following;
/// returns the new id.
fn keep_theirs_too(
    merged: &mut Map<String, Value>,
    list: &str,
    (id, mark): (u64, Value),
    (ours, theirs): (&Map<String, Value>, &Map<String, Value>),
) -> u64 {
    let fresh = next_id(merged).max(next_id(theirs));
    if let Some(Value::Array(marks)) = merged.get_mut(list) {
        marks.push(renumber(mark, fresh));
    }
    if list == "trigger_points" {
        relink(merged, (id, fresh), ours, theirs);
    }
    fresh
}

/// One more than the largest mark id of any list.
fn next_id(session: &Map<String, Value>) -> u64 {
    MARK_LISTS
        .iter()
        .filter_map(|list| session.get(*list).and_then(Value::as_array))
        .flatten()
        .filter_map(id_of)
        .max()
        .unwrap_or(0)
        + 1
}

fn without_id(mark: &Value) -> Value {
    let mut mark = mark.clone();
    if let Some(object) = mark.as_object_mut() {
        object.remove("id");
    }
    mark
}

fn renumber(mut mark: Value, id: u64) -> Value {
    if let Some(object) = mark.as_object_mut() {
        object.insert("id".to_owned(), Value::from(id));
    }
    mark
}

/// Marks taken from the other workstation that link to its trigger point `old` now link to
/// `new` (its new id); marks this workstation has too keep linking to this one's `old`.
fn relink(
    merged: &mut Map<String, Value>,
    (old, new): (u64, u64),
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) {
    for (list, field) in [
        ("referred_zones", "source"),
        ("needle_sites", "trigger_point"),
    ] {
        let marks = |session: &Map<String, Value>| -> Vec<Value> {
            session
                .get(list)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        };
        let (ours, theirs) = (marks(ours), marks(theirs));
        let has = |marks: &[Value], mark: &Value| {
            let mark = without_id(mark);
            marks.iter().any(|m| without_id(m) == mark)
        };
        if let Some(Value::Array(merged)) = merged.get_mut(list) {
            for mark in merged {
                let links_old = mark.get(field).and_then(Value::as_u64) == Some(old);
                // Compared without ids: a mark of theirs may itself have a new id by now.
                let from_theirs = has(&theirs, mark) && !has(&ours, mark);
                if links_old
                    && from_theirs
                    && let Some(object) = mark.as_object_mut()
                {
                    object.insert(field.to_owned(), Value::from(new));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
