"""The muscles of the standard map: stable snake_case id, display name, layer, body part.

Ids are stored in every session: never rename one; add a new id and keep the old one.
"""

HEAD = "Head and neck"
SHOULDER = "Shoulder girdle and upper back"
ARM = "Arm and hand"
TRUNK = "Trunk"
HIP = "Hip and thigh"
LEG = "Leg and foot"

S, D = "Superficial", "Deep"

MUSCLES = [
    # Head and neck
    ("frontalis", "Frontalis", S, HEAD),
    ("temporalis", "Temporalis", S, HEAD),
    ("masseter", "Masseter", S, HEAD),
    ("lateral_pterygoid", "Lateral pterygoid", D, HEAD),
    ("occipitalis", "Occipitalis", S, HEAD),
    ("suboccipitals", "Suboccipitals", D, HEAD),
    ("splenius_capitis", "Splenius capitis", S, HEAD),
    ("splenius_cervicis", "Splenius cervicis", D, HEAD),
    ("semispinalis_capitis", "Semispinalis capitis", D, HEAD),
    ("sternocleidomastoid_sternal", "Sternocleidomastoid, sternal head", S, HEAD),
    ("sternocleidomastoid_clavicular", "Sternocleidomastoid, clavicular head", S, HEAD),
    ("anterior_scalene", "Anterior scalene", D, HEAD),
    ("middle_scalene", "Middle scalene", D, HEAD),
    ("posterior_scalene", "Posterior scalene", D, HEAD),
    ("digastric", "Digastric", S, HEAD),
    # Shoulder girdle and upper back
    ("upper_trapezius", "Upper trapezius", S, SHOULDER),
    ("middle_trapezius", "Middle trapezius", S, SHOULDER),
    ("lower_trapezius", "Lower trapezius", S, SHOULDER),
    ("levator_scapulae", "Levator scapulae", D, SHOULDER),
    ("rhomboid_major", "Rhomboid major", D, SHOULDER),
    ("rhomboid_minor", "Rhomboid minor", D, SHOULDER),
    ("supraspinatus", "Supraspinatus", D, SHOULDER),
    ("infraspinatus", "Infraspinatus", S, SHOULDER),
    ("teres_minor", "Teres minor", S, SHOULDER),
    ("teres_major", "Teres major", S, SHOULDER),
    ("subscapularis", "Subscapularis", D, SHOULDER),
    ("latissimus_dorsi", "Latissimus dorsi", S, SHOULDER),
    ("serratus_anterior", "Serratus anterior", S, SHOULDER),
    ("serratus_posterior_superior", "Serratus posterior superior", D, SHOULDER),
    ("anterior_deltoid", "Anterior deltoid", S, SHOULDER),
    ("middle_deltoid", "Middle deltoid", S, SHOULDER),
    ("posterior_deltoid", "Posterior deltoid", S, SHOULDER),
    ("pectoralis_major", "Pectoralis major", S, SHOULDER),
    ("pectoralis_minor", "Pectoralis minor", D, SHOULDER),
    # Arm and hand
    ("biceps_brachii", "Biceps brachii", S, ARM),
    ("brachialis", "Brachialis", D, ARM),
    ("triceps_brachii", "Triceps brachii", S, ARM),
    ("coracobrachialis", "Coracobrachialis", S, ARM),
    ("brachioradialis", "Brachioradialis", S, ARM),
    ("extensor_carpi_radialis_longus", "Extensor carpi radialis longus", S, ARM),
    ("extensor_carpi_radialis_brevis", "Extensor carpi radialis brevis", S, ARM),
    ("extensor_carpi_ulnaris", "Extensor carpi ulnaris", S, ARM),
    ("extensor_digitorum", "Extensor digitorum", S, ARM),
    ("supinator", "Supinator", D, ARM),
    ("flexor_carpi_radialis", "Flexor carpi radialis", S, ARM),
    ("flexor_carpi_ulnaris", "Flexor carpi ulnaris", S, ARM),
    ("pronator_teres", "Pronator teres", S, ARM),
    ("flexor_digitorum_superficialis", "Flexor digitorum superficialis", D, ARM),
    ("adductor_pollicis", "Adductor pollicis", S, ARM),
    ("opponens_pollicis", "Opponens pollicis", S, ARM),
    ("first_dorsal_interosseous", "First dorsal interosseous", S, ARM),
    # Trunk
    ("rectus_abdominis", "Rectus abdominis", S, TRUNK),
    ("external_oblique", "External oblique", S, TRUNK),
    ("internal_oblique", "Internal oblique", D, TRUNK),
    ("iliocostalis_thoracis", "Iliocostalis thoracis", S, TRUNK),
    ("iliocostalis_lumborum", "Iliocostalis lumborum", S, TRUNK),
    ("longissimus_thoracis", "Longissimus thoracis", S, TRUNK),
    ("multifidus", "Multifidus", D, TRUNK),
    ("quadratus_lumborum", "Quadratus lumborum", D, TRUNK),
    ("serratus_posterior_inferior", "Serratus posterior inferior", D, TRUNK),
    # Hip and thigh
    ("gluteus_maximus", "Gluteus maximus", S, HIP),
    ("gluteus_medius", "Gluteus medius", S, HIP),
    ("gluteus_minimus", "Gluteus minimus", D, HIP),
    ("piriformis", "Piriformis", D, HIP),
    ("tensor_fasciae_latae", "Tensor fasciae latae", S, HIP),
    ("iliopsoas", "Iliopsoas", D, HIP),
    ("adductor_longus", "Adductor longus", S, HIP),
    ("adductor_magnus", "Adductor magnus", S, HIP),
    ("pectineus", "Pectineus", S, HIP),
    ("sartorius", "Sartorius", S, HIP),
    ("gracilis", "Gracilis", S, HIP),
    ("rectus_femoris", "Rectus femoris", S, HIP),
    ("vastus_lateralis", "Vastus lateralis", S, HIP),
    ("vastus_medialis", "Vastus medialis", S, HIP),
    ("biceps_femoris", "Biceps femoris", S, HIP),
    ("semitendinosus", "Semitendinosus", S, HIP),
    ("semimembranosus", "Semimembranosus", S, HIP),
    # Leg and foot
    ("gastrocnemius_medial", "Gastrocnemius, medial head", S, LEG),
    ("gastrocnemius_lateral", "Gastrocnemius, lateral head", S, LEG),
    ("soleus", "Soleus", D, LEG),
    ("tibialis_anterior", "Tibialis anterior", S, LEG),
    ("fibularis_longus", "Fibularis longus", S, LEG),
    ("fibularis_brevis", "Fibularis brevis", S, LEG),
    ("extensor_digitorum_longus", "Extensor digitorum longus", S, LEG),
    ("tibialis_posterior", "Tibialis posterior", D, LEG),
    ("popliteus", "Popliteus", D, LEG),
    ("abductor_hallucis", "Abductor hallucis", S, LEG),
    ("flexor_digitorum_brevis", "Flexor digitorum brevis", S, LEG),
    ("quadratus_plantae", "Quadratus plantae", D, LEG),
    ("extensor_digitorum_brevis", "Extensor digitorum brevis", S, LEG),
    ("abductor_digiti_minimi_pedis", "Abductor digiti minimi (foot)", S, LEG),
]
