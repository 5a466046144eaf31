//! Where each referral pattern comes from: the book and chapter (or paper) that documents it,
//! and the muscles of the map left without a pattern because none is documented. Chapters are
//! named by their titles, which stay the same across printings where chapter numbers differ
//! between editions. Every pattern of the library must have a source, and every muscle of the
//! map either a pattern or an entry in [`NO_DOCUMENTED_PATTERN`].

/// Volume 1 of the trigger point manual (head, neck, upper limb and trunk).
const VOL_1: &str = "Simons, Travell & Simons, Travell & Simons' Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 1, Upper Half of Body, 2nd ed. (Williams & Wilkins, 1999)";
/// Volume 2 of the trigger point manual (low back, pelvis and lower limb).
const VOL_2: &str = "Travell & Simons, Myofascial Pain and Dysfunction: The Trigger Point Manual, vol. 2, The Lower Extremities (Williams & Wilkins, 1992)";

/// (muscle id, book, chapter title).
#[rustfmt::skip]
const SOURCES: &[(&str, &str, &str)] = &[
    ("sternocleidomastoid_sternal", VOL_1, "Sternocleidomastoid Muscle"),
    ("sternocleidomastoid_clavicular", VOL_1, "Sternocleidomastoid Muscle"),
    ("suboccipitals", VOL_1, "Suboccipital Muscles"),
    ("splenius_capitis", VOL_1, "Splenius Capitis and Splenius Cervicis Muscles"),
    ("splenius_cervicis", VOL_1, "Splenius Capitis and Splenius Cervicis Muscles"),
    ("temporalis", VOL_1, "Temporalis Muscle"),
    ("masseter", VOL_1, "Masseter Muscle"),
    ("semispinalis_capitis", VOL_1, "Posterior Cervical Muscles"),
    ("frontalis", VOL_1, "Occipitofrontalis Muscle"),
    ("occipitalis", VOL_1, "Occipitofrontalis Muscle"),
    ("digastric", VOL_1, "Digastric Muscle"),
    ("lateral_pterygoid", VOL_1, "Lateral Pterygoid Muscle"),
    ("medial_pterygoid", VOL_1, "Medial Pterygoid Muscle"),
    ("zygomaticus_major", VOL_1, "Orbicularis Oculi, Zygomaticus Major, Platysma and Buccinator Muscles"),
    ("orbicularis_oculi", VOL_1, "Orbicularis Oculi, Zygomaticus Major, Platysma and Buccinator Muscles"),
    ("buccinator", VOL_1, "Orbicularis Oculi, Zygomaticus Major, Platysma and Buccinator Muscles"),
    ("platysma", VOL_1, "Orbicularis Oculi, Zygomaticus Major, Platysma and Buccinator Muscles"),
    ("posterior_scalene", VOL_1, "Scalene Muscles"),
    ("semispinalis_cervicis", VOL_1, "Posterior Cervical Muscles"),
    ("cervical_multifidi", VOL_1, "Posterior Cervical Muscles"),
    ("subclavius", VOL_1, "Pectoralis Major Muscle (and Subclavius)"),
    ("anconeus", VOL_1, "Triceps Brachii Muscle (and Anconeus)"),
    ("palmaris_longus", VOL_1, "Palmaris Longus Muscle"),
    ("flexor_digitorum_profundus", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("flexor_pollicis_longus", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("extensor_indicis", VOL_1, "Extensor Digitorum and Extensor Indicis Muscles"),
    ("dorsal_interossei_hand", VOL_1, "Interosseous Muscles of the Hand"),
    ("abductor_digiti_minimi_hand", VOL_1, "Interosseous Muscles of the Hand"),
    ("palmar_interossei_hand", VOL_1, "Interosseous Muscles of the Hand"),
    ("sternalis", VOL_1, "Sternalis Muscle"),
    ("intercostals", VOL_1, "Intercostal Muscles and Diaphragm"),
    ("diaphragm", VOL_1, "Intercostal Muscles and Diaphragm"),
    ("transversus_abdominis", VOL_1, "Abdominal Muscles"),
    ("pyramidalis", VOL_1, "Abdominal Muscles"),
    ("pelvic_floor", VOL_2, "Pelvic Floor Muscles"),
    ("obturator_internus", VOL_2, "Pelvic Floor Muscles"),
    ("gemelli", VOL_2, "Piriformis and Other Short Lateral Rotators"),
    ("quadratus_femoris", VOL_2, "Piriformis and Other Short Lateral Rotators"),
    ("vastus_intermedius", VOL_2, "Quadriceps Femoris Group"),
    ("adductor_brevis", VOL_2, "Adductor Muscles of the Hip"),
    ("plantaris", VOL_2, "Soleus and Plantaris Muscles"),
    ("flexor_digitorum_longus", VOL_2, "Long Flexor Muscles of the Toes"),
    ("flexor_hallucis_longus", VOL_2, "Long Flexor Muscles of the Toes"),
    ("extensor_hallucis_longus", VOL_2, "Long Extensors of the Toes"),
    ("extensor_hallucis_brevis", VOL_2, "Superficial Intrinsic Foot Muscles"),
    ("fibularis_tertius", VOL_2, "Peroneal Muscles"),
    ("flexor_hallucis_brevis", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("adductor_hallucis", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("flexor_digiti_minimi_pedis", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("dorsal_interossei_foot", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("plantar_interossei_foot", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("upper_trapezius", VOL_1, "Trapezius Muscle"),
    ("levator_scapulae", VOL_1, "Levator Scapulae Muscle"),
    ("anterior_scalene", VOL_1, "Scalene Muscles"),
    ("middle_scalene", VOL_1, "Scalene Muscles"),
    ("supraspinatus", VOL_1, "Supraspinatus Muscle"),
    ("infraspinatus", VOL_1, "Infraspinatus Muscle"),
    ("teres_minor", VOL_1, "Teres Minor Muscle"),
    ("teres_major", VOL_1, "Teres Major Muscle"),
    ("subscapularis", VOL_1, "Subscapularis Muscle"),
    ("rhomboid_major", VOL_1, "Rhomboid Muscles"),
    ("rhomboid_minor", VOL_1, "Rhomboid Muscles"),
    ("middle_trapezius", VOL_1, "Trapezius Muscle"),
    ("lower_trapezius", VOL_1, "Trapezius Muscle"),
    ("pectoralis_major", VOL_1, "Pectoralis Major Muscle (and Subclavius)"),
    ("pectoralis_minor", VOL_1, "Pectoralis Minor Muscle"),
    ("serratus_anterior", VOL_1, "Serratus Anterior Muscle"),
    ("latissimus_dorsi", VOL_1, "Latissimus Dorsi Muscle"),
    ("anterior_deltoid", VOL_1, "Deltoid Muscle"),
    ("middle_deltoid", VOL_1, "Deltoid Muscle"),
    ("posterior_deltoid", VOL_1, "Deltoid Muscle"),
    ("serratus_posterior_superior", VOL_1, "Serratus Posterior Superior Muscle"),
    ("biceps_brachii", VOL_1, "Biceps Brachii Muscle"),
    ("brachialis", VOL_1, "Brachialis Muscle"),
    ("triceps_brachii", VOL_1, "Triceps Brachii Muscle (and Anconeus)"),
    ("coracobrachialis", VOL_1, "Coracobrachialis Muscle"),
    ("brachioradialis", VOL_1, "Hand Extensor and Brachioradialis Muscles"),
    ("extensor_carpi_radialis_longus", VOL_1, "Hand Extensor and Brachioradialis Muscles"),
    ("extensor_carpi_radialis_brevis", VOL_1, "Hand Extensor and Brachioradialis Muscles"),
    ("extensor_carpi_ulnaris", VOL_1, "Hand Extensor and Brachioradialis Muscles"),
    ("extensor_digitorum", VOL_1, "Extensor Digitorum and Extensor Indicis Muscles"),
    ("supinator", VOL_1, "Supinator Muscle"),
    ("flexor_carpi_radialis", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("flexor_carpi_ulnaris", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("pronator_teres", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("flexor_digitorum_superficialis", VOL_1, "Hand and Finger Flexors in the Forearm"),
    ("first_dorsal_interosseous", VOL_1, "Interosseous Muscles of the Hand"),
    ("adductor_pollicis", VOL_1, "Adductor and Opponens Pollicis Muscles"),
    ("opponens_pollicis", VOL_1, "Adductor and Opponens Pollicis Muscles"),
    ("quadratus_lumborum", VOL_2, "Quadratus Lumborum Muscle"),
    ("iliocostalis_thoracis", VOL_1, "Thoracolumbar Paraspinal Muscles"),
    ("iliocostalis_lumborum", VOL_1, "Thoracolumbar Paraspinal Muscles"),
    ("longissimus_thoracis", VOL_1, "Thoracolumbar Paraspinal Muscles"),
    ("multifidus", VOL_1, "Thoracolumbar Paraspinal Muscles"),
    ("rectus_abdominis", VOL_1, "Abdominal Muscles"),
    ("external_oblique", VOL_1, "Abdominal Muscles"),
    ("internal_oblique", VOL_1, "Abdominal Muscles"),
    ("iliopsoas", VOL_2, "Iliopsoas Muscle"),
    ("serratus_posterior_inferior", VOL_1, "Serratus Posterior Inferior Muscle"),
    ("gluteus_maximus", VOL_2, "Gluteus Maximus Muscle"),
    ("gluteus_medius", VOL_2, "Gluteus Medius Muscle"),
    ("gluteus_minimus", VOL_2, "Gluteus Minimus Muscle"),
    ("piriformis", VOL_2, "Piriformis and Other Short Lateral Rotators"),
    ("tensor_fasciae_latae", VOL_2, "Tensor Fasciae Latae Muscle"),
    ("adductor_longus", VOL_2, "Adductor Muscles of the Hip"),
    ("adductor_magnus", VOL_2, "Adductor Muscles of the Hip"),
    ("pectineus", VOL_2, "Pectineus Muscle"),
    ("rectus_femoris", VOL_2, "Quadriceps Femoris Group"),
    ("vastus_lateralis", VOL_2, "Quadriceps Femoris Group"),
    ("vastus_medialis", VOL_2, "Quadriceps Femoris Group"),
    ("biceps_femoris", VOL_2, "Hamstring Muscles"),
    ("semitendinosus", VOL_2, "Hamstring Muscles"),
    ("semimembranosus", VOL_2, "Hamstring Muscles"),
    ("sartorius", VOL_2, "Sartorius Muscle"),
    ("gracilis", VOL_2, "Gracilis Muscle"),
    ("gastrocnemius_medial", VOL_2, "Gastrocnemius Muscle"),
    ("gastrocnemius_lateral", VOL_2, "Gastrocnemius Muscle"),
    ("soleus", VOL_2, "Soleus and Plantaris Muscles"),
    ("tibialis_anterior", VOL_2, "Tibialis Anterior Muscle"),
    ("fibularis_longus", VOL_2, "Peroneal Muscles"),
    ("fibularis_brevis", VOL_2, "Peroneal Muscles"),
    ("extensor_digitorum_longus", VOL_2, "Long Extensors of the Toes"),
    ("tibialis_posterior", VOL_2, "Tibialis Posterior Muscle"),
    ("popliteus", VOL_2, "Popliteus Muscle"),
    ("abductor_hallucis", VOL_2, "Superficial Intrinsic Foot Muscles"),
    ("flexor_digitorum_brevis", VOL_2, "Superficial Intrinsic Foot Muscles"),
    ("quadratus_plantae", VOL_2, "Deep Intrinsic Foot Muscles"),
    ("extensor_digitorum_brevis", VOL_2, "Superficial Intrinsic Foot Muscles"),
    ("abductor_digiti_minimi_pedis", VOL_2, "Superficial Intrinsic Foot Muscles"),
];

/// Patterns documented in a paper rather than in the manual: (muscle id, the paper as cited).
/// Both mapped the pattern in healthy volunteers, which the patterns' clinician notes say.
#[rustfmt::skip]
const PAPERS: &[(&str, &str)] = &[
    ("longus_colli", "Minerbi A, Ratmansky M, Finestone A, Gerwin R, Vulfsons S. The local and referred pain patterns of the longus colli muscle. Journal of Bodywork and Movement Therapies 2017;21(2):267-273"),
    ("abductor_pollicis_brevis", "Kim IJ, Kang YK, Kim DH, Hwang M. Referred pain pattern of the abductor pollicis brevis muscle and its possible mechanism. Journal of Musculoskeletal Pain 2009;17(4):350-357. doi:10.3109/10582450903284810"),
];

/// The muscles of the map with no referral pattern, and why: neither the manual nor a paper
/// we could find documents one. A pattern is added here only with its source, never inferred
/// from a neighbour's.
#[rustfmt::skip]
pub const NO_DOCUMENTED_PATTERN: &[(&str, &str)] = &[
    ("infrahyoids", "no pattern documented for the group; only a four-patient case report of the omohyoid alone"),
    ("lumbricals_hand", "no pattern of their own documented; secondary texts only call it similar to the interossei's"),
    ("flexor_pollicis_brevis", "no pattern documented in the manual or in a paper we found"),
    ("flexor_digiti_minimi_hand", "no pattern documented in the manual or in a paper we found"),
    ("opponens_digiti_minimi", "no pattern documented in the manual or in a paper we found"),
    ("obturator_externus", "no pattern documented in the manual or in a paper we found"),
    ("lumbricals_foot", "no pattern of their own documented in the manual or in a paper we found"),
];

/// The source of the pattern of `muscle` as the library writes it, or `None` when it has none.
pub fn source(muscle: &str) -> Option<String> {
    SOURCES
        .iter()
        .find(|(m, _, _)| *m == muscle)
        .map(|(_, book, chapter)| format!("{book}, chapter “{chapter}”"))
        .or_else(|| {
            PAPERS
                .iter()
                .find(|(m, _)| *m == muscle)
                .map(|(_, paper)| (*paper).to_owned())
        })
}
