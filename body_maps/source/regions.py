"""Surface regions for pain coding: the 19 Widespread Pain Index areas and a finer set of
named front/back/lateral locations. Regions are coarse polygons; a painted area counts for a
region where it lies inside both the region and the silhouette.
"""

from geometry import mirror_points, polyline

OTHER = {"Left": "Right", "Right": "Left"}
SIDE_AT_PLUS_X = {"Anterior": "Left", "Posterior": "Right", "LeftLateral": "Left", "RightLateral": "Right"}


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


# Paired areas of the front and back views, drawn at +x (quads follow the abducted arm).
WPI_PAIRED_FRONT_BACK = [
    ("jaw", "jaw", ["Anterior"], [(30, 150), (80, 150), (80, 215), (30, 232)]),
    ("shoulder_girdle", "shoulder girdle", ["Anterior", "Posterior"], [(52, 250), (215, 290), (255, 340), (250, 420), (150, 420), (100, 340), (52, 300)]),
    ("upper_arm", "upper arm", ["Anterior", "Posterior"], [(152, 420), (252, 420), (270, 648), (200, 648)]),
    ("lower_arm", "lower arm", ["Anterior", "Posterior"], [(200, 648), (270, 648), (335, 1000), (300, 1100), (240, 1100)]),
    ("hip_buttock", "hip/buttock", ["Anterior", "Posterior"], [(20, 760), (150, 730), (175, 800), (172, 930), (10, 940)]),
    ("upper_leg", "upper leg", ["Anterior", "Posterior"], [(0, 940), (172, 930), (140, 1250), (30, 1250)]),
    ("lower_leg", "lower leg", ["Anterior", "Posterior"], [(30, 1250), (140, 1250), (145, 1760), (50, 1760)]),
]
WPI_MIDLINE = [
    ("neck", "Neck", ["Anterior", "Posterior"], box(-60, 215, 60, 300)),
    ("chest", "Chest", ["Anterior"], box(-152, 300, 152, 600)),
    ("abdomen", "Abdomen", ["Anterior"], box(-150, 600, 150, 780)),
    ("upper_back", "Upper back", ["Posterior"], [(-150, 300), (150, 300), (150, 600), (-150, 600)]),
    ("lower_back", "Lower back", ["Posterior"], box(-150, 600, 150, 770)),
]

# Lateral view areas, drawn for the right lateral view (the patient faces +x).
WPI_LATERAL = [
    ("jaw", "jaw", [(0, 140), (70, 140), (90, 235), (0, 235)]),
    ("shoulder_girdle", "shoulder girdle", [(-100, 300), (56, 300), (60, 420), (-110, 420)]),
    ("upper_arm", "upper arm", [(-50, 420), (50, 420), (45, 648), (-50, 648)]),
    ("lower_arm", "lower arm", [(-50, 648), (45, 620), (180, 1000), (160, 1080), (100, 1080)]),
    ("hip_buttock", "hip/buttock", [(-125, 740), (100, 740), (95, 900), (-110, 945)]),
    ("upper_leg", "upper leg", [(-110, 945), (95, 900), (80, 1250), (-70, 1250)]),
    ("lower_leg", "lower leg", [(-90, 1250), (80, 1250), (190, 1760), (-80, 1760)]),
]

# Finer locations: (id suffix, name suffix, facing, points at +x).
FINE_FRONT_BACK = [
    ("forehead", "forehead", "Anterior", [(0, 20), (70, 30), (78, 100), (0, 100)]),
    ("face", "face", "Anterior", [(0, 100), (80, 100), (78, 160), (60, 215), (0, 232)]),
    ("anterior_neck", "anterior neck", "Anterior", [(0, 215), (58, 210), (60, 300), (0, 315)]),
    ("anterior_shoulder", "anterior shoulder", "Anterior", [(60, 260), (215, 300), (250, 350), (250, 440), (170, 440), (130, 330), (60, 300)]),
    ("chest", "chest", "Anterior", [(0, 315), (130, 330), (155, 440), (153, 600), (0, 600)]),
    ("abdomen", "abdomen", "Anterior", [(0, 600), (150, 600), (150, 760), (0, 780)]),
    ("groin", "groin", "Anterior", [(0, 780), (150, 760), (120, 880), (60, 930), (0, 935)]),
    ("anterior_upper_arm", "anterior upper arm", "Anterior", [(165, 440), (252, 440), (270, 648), (200, 648)]),
    ("anterior_forearm", "anterior forearm", "Anterior", [(200, 648), (270, 648), (300, 905), (240, 905)]),
    ("palm", "palm", "Anterior", [(240, 905), (300, 905), (335, 1000), (300, 1100), (240, 1100)]),
    ("anterior_thigh", "anterior thigh", "Anterior", [(40, 920), (150, 900), (132, 1200), (50, 1200)]),
    ("lateral_thigh_front", "lateral thigh", "Anterior", [(150, 880), (175, 880), (142, 1200), (132, 1200)]),
    ("medial_thigh", "medial thigh", "Anterior", [(0, 935), (40, 920), (50, 1200), (30, 1200)]),
    ("anterior_knee", "anterior knee", "Anterior", [(30, 1200), (142, 1200), (140, 1290), (30, 1290)]),
    ("shin", "shin", "Anterior", [(30, 1290), (140, 1290), (120, 1660), (60, 1660)]),
    ("foot_dorsum", "dorsal foot", "Anterior", [(55, 1660), (125, 1660), (145, 1760), (55, 1760)]),
    ("occiput", "occipital", "Posterior", [(0, 20), (80, 40), (86, 140), (0, 140)]),
    ("suboccipital", "suboccipital", "Posterior", [(0, 130), (80, 130), (70, 180), (0, 180)]),
    ("posterior_neck", "posterior neck", "Posterior", [(0, 180), (70, 180), (60, 270), (0, 290)]),
    ("upper_trapezius_area", "upper shoulder", "Posterior", [(0, 250), (60, 260), (215, 300), (230, 340), (0, 320)]),
    ("scapular", "scapular", "Posterior", [(50, 330), (210, 330), (200, 460), (100, 500), (50, 460)]),
    ("interscapular", "interscapular", "Posterior", [(0, 320), (60, 320), (70, 500), (0, 520)]),
    ("posterior_shoulder", "posterior shoulder", "Posterior", [(190, 320), (250, 340), (250, 460), (200, 460)]),
    ("mid_back", "mid back", "Posterior", [(0, 520), (70, 500), (152, 460), (150, 640), (0, 640)]),
    ("low_back", "low back", "Posterior", [(0, 640), (140, 630), (150, 760), (0, 780)]),
    ("sacral", "sacroiliac", "Posterior", [(0, 760), (50, 760), (50, 860), (0, 870)]),
    ("buttock", "buttock", "Posterior", [(50, 740), (150, 730), (175, 830), (165, 935), (0, 940), (0, 870), (50, 860)]),
    ("posterior_upper_arm", "posterior upper arm", "Posterior", [(165, 460), (252, 460), (270, 648), (200, 648)]),
    ("posterior_forearm", "posterior forearm", "Posterior", [(200, 648), (270, 648), (300, 905), (240, 905)]),
    ("back_of_hand", "dorsal hand", "Posterior", [(240, 905), (300, 905), (335, 1000), (300, 1100), (240, 1100)]),
    ("posterior_thigh", "posterior thigh", "Posterior", [(0, 940), (165, 935), (135, 1240), (30, 1240)]),
    ("posterior_knee", "posterior knee", "Posterior", [(30, 1240), (135, 1240), (138, 1300), (34, 1300)]),
    ("calf", "calf", "Posterior", [(34, 1300), (140, 1300), (116, 1600), (60, 1600)]),
    ("heel", "heel", "Posterior", [(60, 1600), (116, 1600), (120, 1760), (60, 1760)]),
]
FINE_LATERAL = [
    ("temple", "temple", [(-30, 40), (60, 40), (60, 125), (-30, 125)]),
    ("lateral_neck", "lateral neck", [(-60, 170), (40, 200), (56, 310), (-72, 300)]),
    ("lateral_shoulder", "lateral shoulder", [(-50, 310), (50, 310), (50, 460), (-50, 460)]),
    ("lateral_chest", "lateral chest", [(-110, 420), (104, 420), (90, 600), (-90, 600)]),
    ("flank", "flank", [(-90, 600), (90, 600), (100, 740), (-90, 740)]),
    ("lateral_hip", "lateral hip", [(-125, 740), (100, 740), (90, 900), (-110, 945)]),
    ("lateral_thigh", "lateral thigh", [(-110, 945), (90, 900), (75, 1225), (-70, 1225)]),
    ("lateral_knee", "lateral knee", [(-75, 1225), (75, 1225), (60, 1300), (-80, 1300)]),
    ("lateral_leg", "lateral leg", [(-85, 1300), (60, 1300), (40, 1650), (-50, 1650)]),
    ("lateral_ankle_foot", "lateral ankle", [(-75, 1650), (45, 1650), (190, 1760), (-75, 1760)]),
]
FINE_PLANTAR = [
    ("sole", "sole", [(50, 1495), (140, 1495), (140, 1760), (50, 1760)]),
]


def _region(rid, name, side, vid, points):
    return (rid, name, side, vid, polyline(points, closed=True))


def build(views):
    facing_of = {v.id: v.facing for v in views}
    views_of = {}
    for v in views:
        views_of.setdefault(v.facing, []).append(v.id)

    def front_back(facing):
        return [vid for vid in views_of[facing] if vid in ("anterior", "posterior", "head_anterior", "head_posterior")]

    def paired(out, rid, name, vids, points):
        for vid in vids:
            plus = SIDE_AT_PLUS_X[facing_of[vid]]
            for side, pts in ((plus, points), (OTHER[plus], mirror_points(points))):
                out.append(_region(f"{side.lower()}_{rid}", f"{side} {name}", side, vid, pts))

    wpi = []
    for rid, name, facings, points in WPI_PAIRED_FRONT_BACK:
        vids = [vid for f in facings for vid in front_back(f)]
        paired(wpi, rid, name, vids, points)
    for rid, name, facings, points in WPI_MIDLINE:
        for f in facings:
            for vid in front_back(f):
                wpi.append(_region(rid, name, "Midline", vid, points))
    for vid, facing in facing_of.items():
        if facing in ("LeftLateral", "RightLateral"):
            side = SIDE_AT_PLUS_X[facing]
            for rid, name, points in WPI_LATERAL:
                pts = points if facing == "RightLateral" else mirror_points(points)
                wpi.append(_region(f"{side.lower()}_{rid}", f"{side} {name}", side, vid, pts))
            wpi.append(_region("neck", "Neck", "Midline", vid, [(p[0] if facing == "RightLateral" else -p[0], p[1]) for p in [(-70, 200), (50, 230), (56, 300), (-72, 300)]]))

    fine = []
    for rid, name, facing, points in FINE_FRONT_BACK:
        paired(fine, rid, name, front_back(facing), points)
    for vid, facing in facing_of.items():
        if facing in ("LeftLateral", "RightLateral"):
            side = SIDE_AT_PLUS_X[facing]
            for rid, name, points in FINE_LATERAL:
                pts = points if facing == "RightLateral" else mirror_points(points)
                fine.append(_region(f"{side.lower()}_{rid}", f"{side} {name}", side, vid, pts))
    for rid, name, points in FINE_PLANTAR:
        paired(fine, rid, name, ["feet_plantar"], points)

    return [
        ("wpi", "Widespread Pain Index areas", wpi),
        ("locations", "Pain locations", fine),
    ]
