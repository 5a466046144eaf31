//! The muscles of the standard map: stable snake_case id, display name, layer and body part,
//! in the order the map lists them. Ids are stored in every session: never rename one; add a
//! new id and keep the old one. Where each muscle is drawn belongs to `shapes`, not here.

use crate::bodymap::Layer::{self, Deep, Superficial};

/// One muscle of the map.
#[derive(Clone, Copy, Debug)]
pub struct Muscle {
    pub id: &'static str,
    pub name: &'static str,
    pub layer: Layer,
    /// The body part it is listed under.
    pub group: &'static str,
}

const fn m(id: &'static str, name: &'static str, layer: Layer, group: &'static str) -> Muscle {
    Muscle {
        id,
        name,
        layer,
        group,
    }
}

const HEAD: &str = "Head and neck";
const SHOULDER: &str = "Shoulder girdle and upper back";
const ARM: &str = "Arm and hand";
const TRUNK: &str = "Trunk";
const HIP: &str = "Hip and thigh";
const LEG: &str = "Leg and foot";

/// Every muscle of the standard map.
#[rustfmt::skip]
pub const MUSCLES: &[Muscle] = &[
    // Head and neck
    m("frontalis", "Frontalis", Superficial, HEAD),
    m("temporalis", "Temporalis", Superficial, HEAD),
    m("masseter", "Masseter", Superficial, HEAD),
    m("lateral_pterygoid", "Lateral pterygoid", Deep, HEAD),
    m("occipitalis", "Occipitalis", Superficial, HEAD),
    m("suboccipitals", "Suboccipitals", Deep, HEAD),
    m("splenius_capitis", "Splenius capitis", Superficial, HEAD),
    m("splenius_cervicis", "Splenius cervicis", Deep, HEAD),
    m("semispinalis_capitis", "Semispinalis capitis", Deep, HEAD),
    m("sternocleidomastoid_sternal", "Sternocleidomastoid, sternal head", Superficial, HEAD),
    m("sternocleidomastoid_clavicular", "Sternocleidomastoid, clavicular head", Superficial, HEAD),
    m("anterior_scalene", "Anterior scalene", Deep, HEAD),
    m("middle_scalene", "Middle scalene", Deep, HEAD),
    m("posterior_scalene", "Posterior scalene", Deep, HEAD),
    m("digastric", "Digastric", Superficial, HEAD),
    m("medial_pterygoid", "Medial pterygoid", Deep, HEAD),
    m("zygomaticus_major", "Zygomaticus major", Superficial, HEAD),
    m("orbicularis_oculi", "Orbicularis oculi", Superficial, HEAD),
    m("buccinator", "Buccinator", Deep, HEAD),
    m("platysma", "Platysma", Superficial, HEAD),
    m("semispinalis_cervicis", "Semispinalis cervicis", Deep, HEAD),
    m("cervical_multifidi", "Cervical multifidi", Deep, HEAD),
    m("longus_colli", "Longus colli", Deep, HEAD),
    m("infrahyoids", "Infrahyoid muscles", Superficial, HEAD),
    // Shoulder girdle and upper back
    m("upper_trapezius", "Upper trapezius", Superficial, SHOULDER),
    m("middle_trapezius", "Middle trapezius", Superficial, SHOULDER),
    m("lower_trapezius", "Lower trapezius", Superficial, SHOULDER),
    m("levator_scapulae", "Levator scapulae", Deep, SHOULDER),
    m("rhomboid_major", "Rhomboid major", Deep, SHOULDER),
    m("rhomboid_minor", "Rhomboid minor", Deep, SHOULDER),
    m("supraspinatus", "Supraspinatus", Deep, SHOULDER),
    m("infraspinatus", "Infraspinatus", Superficial, SHOULDER),
    m("teres_minor", "Teres minor", Superficial, SHOULDER),
    m("teres_major", "Teres major", Superficial, SHOULDER),
    m("subscapularis", "Subscapularis", Deep, SHOULDER),
    m("latissimus_dorsi", "Latissimus dorsi", Superficial, SHOULDER),
    m("serratus_anterior", "Serratus anterior", Superficial, SHOULDER),
    m("serratus_posterior_superior", "Serratus posterior superior", Deep, SHOULDER),
    m("anterior_deltoid", "Anterior deltoid", Superficial, SHOULDER),
    m("middle_deltoid", "Middle deltoid", Superficial, SHOULDER),
    m("posterior_deltoid", "Posterior deltoid", Superficial, SHOULDER),
    m("pectoralis_major", "Pectoralis major", Superficial, SHOULDER),
    m("pectoralis_minor", "Pectoralis minor", Deep, SHOULDER),
    m("subclavius", "Subclavius", Deep, SHOULDER),
    // Arm and hand
    m("biceps_brachii", "Biceps brachii", Superficial, ARM),
    m("brachialis", "Brachialis", Deep, ARM),
    m("triceps_brachii", "Triceps brachii", Superficial, ARM),
    m("coracobrachialis", "Coracobrachialis", Superficial, ARM),
    m("brachioradialis", "Brachioradialis", Superficial, ARM),
    m("extensor_carpi_radialis_longus", "Extensor carpi radialis longus", Superficial, ARM),
    m("extensor_carpi_radialis_brevis", "Extensor carpi radialis brevis", Superficial, ARM),
    m("extensor_carpi_ulnaris", "Extensor carpi ulnaris", Superficial, ARM),
    m("extensor_digitorum", "Extensor digitorum", Superficial, ARM),
    m("supinator", "Supinator", Deep, ARM),
    m("flexor_carpi_radialis", "Flexor carpi radialis", Superficial, ARM),
    m("flexor_carpi_ulnaris", "Flexor carpi ulnaris", Superficial, ARM),
    m("pronator_teres", "Pronator teres", Superficial, ARM),
    m("flexor_digitorum_superficialis", "Flexor digitorum superficialis", Deep, ARM),
    m("adductor_pollicis", "Adductor pollicis", Superficial, ARM),
    m("opponens_pollicis", "Opponens pollicis", Superficial, ARM),
    m("first_dorsal_interosseous", "First dorsal interosseous", Superficial, ARM),
    m("anconeus", "Anconeus", Superficial, ARM),
    m("palmaris_longus", "Palmaris longus", Superficial, ARM),
    m("flexor_digitorum_profundus", "Flexor digitorum profundus", Deep, ARM),
    m("flexor_pollicis_longus", "Flexor pollicis longus", Deep, ARM),
    m("extensor_indicis", "Extensor indicis", Deep, ARM),
    m("dorsal_interossei_hand", "Dorsal interossei (hand, 2nd–4th)", Superficial, ARM),
    m("palmar_interossei_hand", "Palmar interossei (hand)", Deep, ARM),
    m("lumbricals_hand", "Lumbricals (hand)", Deep, ARM),
    m("abductor_pollicis_brevis", "Abductor pollicis brevis", Superficial, ARM),
    m("flexor_pollicis_brevis", "Flexor pollicis brevis", Superficial, ARM),
    m("abductor_digiti_minimi_hand", "Abductor digiti minimi (hand)", Superficial, ARM),
    m("flexor_digiti_minimi_hand", "Flexor digiti minimi brevis (hand)", Superficial, ARM),
    m("opponens_digiti_minimi", "Opponens digiti minimi", Deep, ARM),
    // Trunk
    m("rectus_abdominis", "Rectus abdominis", Superficial, TRUNK),
    m("external_oblique", "External oblique", Superficial, TRUNK),
    m("internal_oblique", "Internal oblique", Deep, TRUNK),
    m("iliocostalis_thoracis", "Iliocostalis thoracis", Superficial, TRUNK),
    m("iliocostalis_lumborum", "Iliocostalis lumborum", Superficial, TRUNK),
    m("longissimus_thoracis", "Longissimus thoracis", Superficial, TRUNK),
    m("multifidus", "Multifidus", Deep, TRUNK),
    m("quadratus_lumborum", "Quadratus lumborum", Deep, TRUNK),
    m("serratus_posterior_inferior", "Serratus posterior inferior", Deep, TRUNK),
    m("sternalis", "Sternalis", Superficial, TRUNK),
    m("intercostals", "Intercostals", Deep, TRUNK),
    m("diaphragm", "Diaphragm", Deep, TRUNK),
    m("transversus_abdominis", "Transversus abdominis", Deep, TRUNK),
    m("pyramidalis", "Pyramidalis", Superficial, TRUNK),
    // Hip and thigh
    m("gluteus_maximus", "Gluteus maximus", Superficial, HIP),
    m("gluteus_medius", "Gluteus medius", Superficial, HIP),
    m("gluteus_minimus", "Gluteus minimus", Deep, HIP),
    m("piriformis", "Piriformis", Deep, HIP),
    m("tensor_fasciae_latae", "Tensor fasciae latae", Superficial, HIP),
    m("iliopsoas", "Iliopsoas", Deep, HIP),
    m("adductor_longus", "Adductor longus", Superficial, HIP),
    m("adductor_magnus", "Adductor magnus", Superficial, HIP),
    m("pectineus", "Pectineus", Superficial, HIP),
    m("sartorius", "Sartorius", Superficial, HIP),
    m("gracilis", "Gracilis", Superficial, HIP),
    m("rectus_femoris", "Rectus femoris", Superficial, HIP),
    m("vastus_lateralis", "Vastus lateralis", Superficial, HIP),
    m("vastus_medialis", "Vastus medialis", Superficial, HIP),
    m("biceps_femoris", "Biceps femoris", Superficial, HIP),
    m("semitendinosus", "Semitendinosus", Superficial, HIP),
    m("semimembranosus", "Semimembranosus", Superficial, HIP),
    m("pelvic_floor", "Pelvic floor", Deep, HIP),
    m("obturator_internus", "Obturator internus", Deep, HIP),
    m("obturator_externus", "Obturator externus", Deep, HIP),
    m("gemelli", "Gemelli (superior and inferior)", Deep, HIP),
    m("quadratus_femoris", "Quadratus femoris", Deep, HIP),
    m("vastus_intermedius", "Vastus intermedius", Deep, HIP),
    m("adductor_brevis", "Adductor brevis", Deep, HIP),
    // Leg and foot
    m("gastrocnemius_medial", "Gastrocnemius, medial head", Superficial, LEG),
    m("gastrocnemius_lateral", "Gastrocnemius, lateral head", Superficial, LEG),
    m("soleus", "Soleus", Deep, LEG),
    m("tibialis_anterior", "Tibialis anterior", Superficial, LEG),
    m("fibularis_longus", "Fibularis longus", Superficial, LEG),
    m("fibularis_brevis", "Fibularis brevis", Superficial, LEG),
    m("extensor_digitorum_longus", "Extensor digitorum longus", Superficial, LEG),
    m("tibialis_posterior", "Tibialis posterior", Deep, LEG),
    m("popliteus", "Popliteus", Deep, LEG),
    m("abductor_hallucis", "Abductor hallucis", Superficial, LEG),
    m("flexor_digitorum_brevis", "Flexor digitorum brevis", Superficial, LEG),
    m("quadratus_plantae", "Quadratus plantae", Deep, LEG),
    m("extensor_digitorum_brevis", "Extensor digitorum brevis", Superficial, LEG),
    m("abductor_digiti_minimi_pedis", "Abductor digiti minimi (foot)", Superficial, LEG),
    m("plantaris", "Plantaris", Deep, LEG),
    m("flexor_digitorum_longus", "Flexor digitorum longus", Deep, LEG),
    m("flexor_hallucis_longus", "Flexor hallucis longus", Deep, LEG),
    m("extensor_hallucis_longus", "Extensor hallucis longus", Superficial, LEG),
    m("extensor_hallucis_brevis", "Extensor hallucis brevis", Superficial, LEG),
    m("fibularis_tertius", "Fibularis tertius", Superficial, LEG),
    m("flexor_hallucis_brevis", "Flexor hallucis brevis", Deep, LEG),
    m("adductor_hallucis", "Adductor hallucis", Deep, LEG),
    m("flexor_digiti_minimi_pedis", "Flexor digiti minimi brevis (foot)", Deep, LEG),
    m("lumbricals_foot", "Lumbricals (foot)", Deep, LEG),
    m("plantar_interossei_foot", "Plantar interossei (foot)", Deep, LEG),
    m("dorsal_interossei_foot", "Dorsal interossei (foot)", Deep, LEG),
];

/// Clinical notes of the muscles whose region is not a surface a finger reaches, or that need
/// one to be found: (muscle id, note).
#[rustfmt::skip]
pub const NOTES: &[(&str, &str)] = &[
    ("diaphragm", concat!(
        "Not palpable: drawn as the area of its costal attachment. Its anterior fibres are reached ",
        "by curling the fingers up under the costal margin, supine with the knees bent, as the ",
        "patient breathes out. Not a needling site.",
    )),
    ("pelvic_floor", concat!(
        "Not palpable from the surface: drawn as its area at the perineum. Assessed by internal ",
        "(vaginal or rectal) examination by a clinician trained in pelvic health; externally ",
        "only beside the ischial tuberosity and the coccyx.",
    )),
    ("longus_colli", concat!(
        "Deep to the trachea and oesophagus: palpated gently beside the trachea, medial to the ",
        "carotid pulse, supine. Not a needling site.",
    )),
    ("intercostals", concat!(
        "Palpated in the intercostal spaces with the ribs bracketed between two fingers; the ",
        "pleura lies a few millimetres beneath.",
    )),
    ("obturator_internus", concat!(
        "From outside only its tendon with the gemelli, between the ischial tuberosity and the ",
        "greater trochanter; its pelvic part by internal examination.",
    )),
    ("transversus_abdominis", concat!(
        "Deepest of the abdominal wall: felt tensing medial to the anterior superior iliac spine ",
        "on drawing the navel in; not separable from the obliques by touch.",
    )),
];

/// The clinical note of a muscle, empty when it has none.
pub fn note(id: &str) -> &'static str {
    NOTES
        .iter()
        .find(|(m, _)| *m == id)
        .map_or("", |(_, note)| note)
}
