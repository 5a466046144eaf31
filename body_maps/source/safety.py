"""Needling safety zones of the standard map (`clinical.md`, "Safety zones"): areas where a
needle site warns with the zone's guidance, and where one is published, an advisable maximum
depth. Zones over the lung are marked `thorax`: needling both sides of the thorax in one
session warns.

Each area is a handful of points at +x on a full-body view, pulled inside the silhouette like
the muscles, mirrored for the other side, and repeated on the head-and-neck crops (same frame)
when it lies above their lower edge. Guidance texts are the project's own words.
"""

from geometry import fit_and_check, flatten, mirror_path

SIDE_AT_PLUS_X = {"Anterior": "Left", "Posterior": "Right", "LeftLateral": "Left", "RightLateral": "Right"}
OTHER = {"Left": "Right", "Right": "Left"}
HEAD_VIEW_OF = {
    "anterior": "head_anterior",
    "posterior": "head_posterior",
    "right_lateral": "head_right_lateral",
    "left_lateral": "head_left_lateral",
}

# (id, name, guidance, max depth mm or None, thorax, {view id: [polygons at +x]}).
# Lateral polygons are for the right lateral view (the patient faces +x) and mirrored onto
# the left lateral view.
ZONES = [
    (
        "lung_pleura",
        "Lung and pleura",
        "The lung lies under the chest wall and upper back, often only a few centimetres deep; "
        "needles of about 3 cm have reached it. Use a pincer grip or a tangential angle, direct "
        "the needle away from the lung or onto a bracketed rib, and choose a short needle. "
        "Pneumothorax can start hours to two days later: aftercare must name breathlessness, "
        "chest pain and dry cough.",
        None,
        True,
        {
            "anterior": [[(22, 330), (90, 322), (140, 345), (150, 420), (150, 540), (130, 600), (70, 610), (25, 585)]],
            "posterior": [[(62, 322), (140, 335), (150, 430), (148, 560), (130, 640), (20, 640), (18, 520), (62, 520)]],
            "right_lateral": [[(-90, 345), (60, 340), (85, 420), (82, 560), (40, 615), (-70, 625), (-95, 520), (-100, 420)]],
        },
    ),
    (
        "lung_apex",
        "Lung apex (supraclavicular and upper trapezius)",
        "The apex of the lung rises 2–3 cm above the clavicle and can lie under a thin layer of "
        "tissue in lean people. Over the upper trapezius and the supraclavicular area lift the "
        "muscle in a pincer grip and needle across it, never down towards the lung.",
        None,
        True,
        {
            "anterior": [[(38, 270), (80, 278), (125, 298), (112, 318), (60, 316), (36, 300)]],
            "posterior": [[(48, 272), (100, 290), (165, 308), (150, 322), (80, 320), (50, 305)]],
            "right_lateral": [[(-40, 280), (5, 282), (30, 300), (10, 322), (-45, 320), (-60, 300)]],
        },
    ),
    (
        "posterior_thorax_medial",
        "Posterior thorax between scapula and spine",
        "Between the medial border of the scapula and the spine the rhomboids and trapezius are "
        "thin over the ribs and the lung. Advisable depth is about 19 mm or less; use rib "
        "bracketing or a tangential angle.",
        19.0,
        True,
        {
            "posterior": [[(16, 330), (60, 330), (64, 420), (62, 515), (18, 515), (14, 420)]],
        },
    ),
    (
        "anterior_lateral_neck",
        "Anterior and lateral neck",
        "The carotid artery, jugular vein and vagus nerve run here, and the roots of the brachial "
        "plexus pass between the scalenes. Palpate the artery and keep away from it, use short "
        "needles and a controlled, shallow approach.",
        None,
        False,
        {
            "anterior": [[(6, 222), (45, 215), (54, 250), (62, 290), (30, 304), (6, 300)]],
            "right_lateral": [[(-5, 232), (35, 228), (46, 262), (42, 298), (0, 302), (-20, 270)]],
        },
    ),
    (
        "high_posterior_neck",
        "High posterior neck (suboccipital)",
        "Deep to the suboccipital muscles lie the vertebral artery and, close under the "
        "atlanto-occipital region, the spinal cord. Never direct a needle upwards towards the "
        "foramen magnum; keep depth conservative and the direction towards bone you can feel.",
        None,
        False,
        {
            "posterior": [[(4, 192), (42, 190), (54, 215), (50, 245), (4, 248)]],
            "right_lateral": [[(-80, 195), (-40, 198), (-36, 235), (-58, 250), (-70, 232)]],
        },
    ),
    (
        "face",
        "Face: orbit, parotid gland and facial nerve",
        "Keep clear of the eye and orbit. In front of the ear the parotid gland and the branches "
        "of the facial nerve lie superficially: needle the masseter and temporalis shallowly and "
        "away from these structures.",
        None,
        False,
        {
            "anterior": [
                [(14, 96), (52, 94), (62, 112), (50, 130), (16, 128)],
                [(62, 128), (78, 126), (80, 170), (70, 198), (60, 170)],
            ],
            "right_lateral": [
                [(70, 92), (96, 96), (100, 122), (76, 126)],
                [(-10, 128), (16, 126), (22, 178), (0, 200), (-12, 170)],
            ],
        },
    ),
    (
        "femoral_triangle",
        "Femoral triangle",
        "Below the inguinal ligament the femoral artery, vein and nerve lie close under the skin. "
        "Feel the femoral pulse and stay lateral to it; needling iliopsoas or the adductors "
        "here needs a clear plan of the route.",
        None,
        False,
        {
            "anterior": [[(128, 790), (100, 820), (60, 860), (30, 905), (58, 985), (84, 1060), (110, 960), (135, 860)]],
            "right_lateral": [[(88, 790), (70, 810), (60, 860), (62, 940), (80, 1020), (90, 940), (92, 860)]],
        },
    ),
    (
        "popliteal_fossa",
        "Popliteal fossa",
        "Behind the knee the popliteal artery and vein and the tibial nerve lie in the middle of "
        "the fossa. Needle the hamstring tendons and gastrocnemius heads from the sides, not "
        "through the centre of the fossa.",
        None,
        False,
        {
            "posterior": [[(85, 1185), (112, 1215), (118, 1250), (104, 1290), (85, 1310), (64, 1290), (52, 1250), (58, 1215)]],
            "right_lateral": [[(-68, 1195), (-48, 1205), (-46, 1280), (-66, 1295), (-74, 1250)]],
        },
    ),
    (
        "sciatic_nerve",
        "Sciatic nerve course",
        "The sciatic nerve leaves the pelvis below piriformis, runs between the ischial "
        "tuberosity and the greater trochanter and down the middle of the back of the thigh. "
        "Deep needling of piriformis, the short rotators and the hamstrings must allow for it; "
        "a sharp or electric pain down the leg means stop and withdraw.",
        None,
        False,
        {
            "posterior": [[(48, 825), (82, 822), (104, 880), (104, 1000), (98, 1175), (72, 1175), (68, 1000), (62, 890)]],
            "right_lateral": [[(-114, 840), (-88, 840), (-70, 955), (-54, 1100), (-46, 1165), (-64, 1168), (-74, 1100), (-92, 955)]],
        },
    ),
    (
        "renal_angle",
        "Kidney (renal angle)",
        "The kidneys lie under the 12th rib lateral to the spine, and the lung base reaches down "
        "to about the 12th rib behind. Needle quadratus lumborum and the erector spinae with a "
        "short needle, from lateral, directed towards the transverse processes.",
        None,
        False,
        {
            "posterior": [[(28, 615), (105, 622), (118, 660), (110, 710), (30, 712)]],
            "right_lateral": [[(-80, 620), (-50, 620), (-45, 700), (-82, 705)]],
        },
    ),
    (
        "abdomen",
        "Abdomen (peritoneal cavity)",
        "Under the thin abdominal wall lies the peritoneal cavity. Needle the abdominal muscles "
        "with a pincer grip, lifting the muscle, and a tangential approach.",
        None,
        False,
        {
            "anterior": [[(4, 610), (120, 605), (132, 700), (120, 780), (60, 800), (4, 805)]],
        },
    ),
]


def build(views):
    """The zones as (id, name, guidance, max depth, thorax, [(view id, side, path)])."""
    by_id = {v.id: v for v in views}
    out = []
    for zid, name, guidance, depth, thorax, polygons in ZONES:
        areas = []
        for vid, shapes in polygons.items():
            view = by_id[vid]
            silhouette = flatten(view.outline[0], 10)
            side = SIDE_AT_PLUS_X[view.facing]
            for points in shapes:
                path = fit_and_check(points, silhouette, f"safety zone {zid} on {vid}")
                placed = [(vid, side, path)]
                if vid == "right_lateral":
                    placed.append(("left_lateral", "Left", mirror_path(path)))
                else:
                    placed.append((vid, OTHER[side], mirror_path(path)))
                for view_id, area_side, area in list(placed):
                    head = HEAD_VIEW_OF.get(view_id)
                    if head and max(p[1] for p in flatten(area, 10)) <= 400.0:
                        placed.append((head, area_side, area))
                areas.extend(placed)
        out.append((zid, name, guidance, depth, thorax, areas))
    return out
