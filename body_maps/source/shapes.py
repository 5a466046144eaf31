"""Point data of the standard adult map: silhouettes, contours and muscle regions.

Front and back views are drawn for the half at +x and mirrored. On the posterior view +x is
the patient's right, on the anterior view the patient's left; the shapes are the same either
way because the reference body is symmetric. Lateral views are drawn as the right lateral
(the patient faces +x) and mirrored for the left.
"""

from geometry import CORNER, ellipse_points, mirror_points, polyline, smooth, strap

C = CORNER

# ---------------------------------------------------------------------------------------------
# Front and back

# The +x half of the silhouette, from the vertex to the crotch, clockwise.
HEAD_HALF = [
    (0, 0),
    (42, 7),
    (68, 33),
    (78, 70),
    (79, 104),
    (85, 110),
    (88, 128),
    (84, 152),
    (74, 165),
    (64, 190),
    (56, 218, C),
    (54, 245),
    (60, 266),
    (92, 285),
    (140, 298),
    (186, 308),
    (214, 318),
    (233, 336),
    (243, 372),
]
ARM_HALF = [
    (247, 420),
    (254, 500),
    (260, 580),
    (266, 645),
    (280, 705),
    (288, 780),
    (295, 860),
    (298, 905),
    # thumb (lateral, anatomical position)
    (310, 930),
    (322, 965),
    (325, 995),
    (318, 1012),
    (309, 1003, C),
    (303, 985),
    (300, 1000),
    (301, 1045),
    (294, 1080),
    (280, 1090),
    (264, 1082),
    (255, 1050),
    (249, 990),
    (246, 940),
    (243, 905),
    (236, 860),
    (224, 780),
    (212, 700),
    (205, 645),
    (196, 570),
    (182, 490),
    (170, 438),
    (158, 412, C),
]
TRUNK_LEG_HALF = [
    (150, 440),
    (153, 495),
    (146, 560),
    (132, 630),
    (134, 680),
    (148, 740),
    (163, 800),
    (168, 850),
    (165, 905),
    (158, 970),
    (148, 1070),
    (134, 1170),
    (128, 1240),
    (131, 1290),
    (138, 1360),
    (131, 1440),
    (116, 1560),
    (106, 1650),
]
ANTERIOR_FOOT = [
    (108, 1690),
    (124, 1712),
    (136, 1733),
    (134, 1748),
    (112, 1754),
    (86, 1754),
    (64, 1748),
    (60, 1728),
    (66, 1700),
]
POSTERIOR_FOOT = [
    (110, 1695),
    (113, 1725),
    (104, 1748),
    (86, 1755),
    (70, 1748),
    (64, 1722),
    (67, 1695),
]
INNER_LEG_HALF = [
    (68, 1650),
    (62, 1560),
    (48, 1450),
    (34, 1360),
    (36, 1290),
    (42, 1245),
    (38, 1190),
    (29, 1100),
    (18, 1000),
    (8, 950),
    (0, 936, C),
]


def front_back_silhouette(facing):
    foot = ANTERIOR_FOOT if facing == "Anterior" else POSTERIOR_FOOT
    half = HEAD_HALF + ARM_HALF + TRUNK_LEG_HALF + foot + INNER_LEG_HALF
    other = mirror_points(half[1:-1])[::-1]
    return half + other


def front_back_contours(view, facing):
    bone, border, feature = "Bone", "MuscleBorder", "Feature"
    # Fingers and knuckles (both views), kneecap or knee crease, malleoli.
    for x in (266, 279, 291):
        view.contour(feature, smooth([(x, 1042), (x + 1, 1065), (x, 1086)], closed=False), mirrored=True)
    view.contour(feature, smooth([(86, 1700), (82, 1720), (90, 1732)], closed=False), mirrored=True)
    if facing == "Anterior":
        # Face: brows, eyes, nose, mouth, ear.
        view.contour(feature, smooth([(14, 98), (32, 92), (52, 97)], closed=False), mirrored=True)
        view.contour(feature, smooth(ellipse_points(33, 112, 12, 5)), mirrored=True)
        view.contour(feature, smooth([(7, 120), (9, 150), (15, 160), (7, 165)], closed=False), mirrored=True)
        view.contour(feature, smooth([(-18, 190), (0, 193), (18, 190)], closed=False))
        view.contour(feature, smooth([(82, 116), (85, 130), (80, 148)], closed=False), mirrored=True)
        # Clavicles, sternum, nipples, navel, linea alba, costal margin, iliac crest and ASIS.
        view.contour(bone, smooth([(14, 314), (50, 322), (95, 316), (140, 305), (190, 312)], closed=False), mirrored=True)
        view.contour(bone, smooth([(0, 318), (0, 400), (0, 470)], closed=False))
        view.contour(feature, smooth(ellipse_points(92, 490, 4, 4)), mirrored=True)
        view.contour(feature, smooth(ellipse_points(0, 700, 5, 4)))
        view.contour(border, smooth([(0, 480), (0, 600), (0, 890)], closed=False))
        view.contour(bone, smooth([(8, 470), (55, 545), (110, 600), (140, 610)], closed=False), mirrored=True)
        view.contour(bone, smooth([(100, 750), (130, 770), (138, 795)], closed=False), mirrored=True)
        # Inguinal ligament, patella, tibial crest, rectus tendinous intersections.
        view.contour(feature, smooth([(135, 800), (100, 850), (45, 895)], closed=False), mirrored=True)
        view.contour(bone, smooth(ellipse_points(82, 1240, 19, 24)), mirrored=True)
        view.contour(bone, smooth([(78, 1300), (80, 1450), (84, 1640)], closed=False), mirrored=True)
        for y in (560, 625):
            view.contour(border, smooth([(4, y), (30, y - 4), (56, y)], closed=False), mirrored=True)
        view.contour(bone, smooth(ellipse_points(70, 1672, 6, 9)), mirrored=True)
        view.contour(bone, smooth(ellipse_points(104, 1682, 5, 8)), mirrored=True)
        view.contour(feature, smooth([(45, 215), (25, 226), (0, 229)], closed=False), mirrored=True)
    else:
        # Hairline, ears, spine, scapula (spine, medial border, inferior angle), iliac crest,
        # sacrum and PSIS dimples, gluteal folds, popliteal creases, Achilles tendons.
        view.contour(feature, smooth([(82, 116), (86, 132), (80, 150)], closed=False), mirrored=True)
        view.contour(bone, smooth([(0, 300), (0, 500), (0, 760)], closed=False))
        view.contour(bone, smooth(ellipse_points(0, 300, 5, 5)))
        view.contour(bone, smooth([(66, 378), (120, 355), (175, 338), (208, 330)], closed=False), mirrored=True)
        view.contour(bone, smooth([(78, 338, C), (62, 380), (70, 440), (95, 495, C), (125, 460), (160, 405), (180, 352)], closed=False), mirrored=True)
        view.contour(bone, smooth([(18, 745), (70, 722), (120, 728), (152, 760)], closed=False), mirrored=True)
        view.contour(bone, smooth([(0, 850, C), (20, 800), (32, 770, C), (-32, 770, C), (-20, 800)]))
        view.contour(feature, smooth(ellipse_points(36, 782, 4, 4)), mirrored=True)
        view.contour(feature, smooth([(10, 935), (60, 945), (120, 930)], closed=False), mirrored=True)
        view.contour(feature, smooth([(55, 1262), (84, 1258), (112, 1264)], closed=False), mirrored=True)
        view.contour(feature, smooth([(84, 1560), (85, 1620), (87, 1690)], closed=False), mirrored=True)
        view.contour(bone, smooth(ellipse_points(69, 1672, 6, 9)), mirrored=True)
        view.contour(bone, smooth(ellipse_points(106, 1680, 5, 8)), mirrored=True)
        view.contour(feature, smooth([(40, 45), (0, 30), (-40, 45)], closed=False))


def front_back_muscles(facing):
    """(muscle, points at +x) in drawing order; deep muscles are on their own layer."""
    if facing == "Anterior":
        return ANTERIOR_MUSCLES
    return POSTERIOR_MUSCLES


ANTERIOR_MUSCLES = [
    # Head and neck
    ("frontalis", [(8, 32), (40, 22), (64, 50), (60, 86), (34, 88), (8, 90)]),
    ("temporalis", [(66, 62), (76, 78), (77, 110), (70, 126), (64, 100)]),
    ("masseter", [(60, 146), (72, 150), (70, 182), (60, 205), (52, 190), (53, 160)]),
    ("lateral_pterygoid", [(56, 138), (68, 140), (68, 152), (58, 154)]),
    ("digastric", [(8, 214), (28, 206), (46, 200), (46, 210), (28, 220), (8, 224)]),
    ("sternocleidomastoid_clavicular", strap([(62, 196), (55, 250), (44, 312)], [10, 16, 20])),
    ("sternocleidomastoid_sternal", strap([(66, 190), (45, 250), (16, 312)], [12, 16, 12])),
    ("anterior_scalene", strap([(46, 236), (54, 270), (62, 302)], [7, 9, 9])),
    ("middle_scalene", strap([(50, 240), (62, 272), (78, 298)], [7, 9, 9])),
    ("posterior_scalene", strap([(52, 254), (70, 280), (94, 300)], [6, 8, 8])),
    ("upper_trapezius", [(58, 264), (92, 289), (140, 302), (186, 312), (202, 320), (150, 318), (100, 311), (66, 294)]),
    # Shoulder girdle
    ("pectoralis_minor", [(150, 345), (140, 370), (112, 420), (88, 445), (82, 415), (110, 380)]),
    ("subscapularis", [(140, 392), (156, 398), (152, 420), (144, 450), (138, 425)]),
    ("serratus_anterior", [(140, 440, C), (151, 455), (152, 500), (146, 550), (136, 580), (128, 560), (132, 510)]),
    ("pectoralis_major", [(12, 326), (60, 330), (120, 320), (178, 332), (200, 362), (194, 396), (166, 408), (148, 438), (120, 470), (90, 486), (50, 486), (12, 476)]),
    ("anterior_deltoid", [(178, 322), (212, 318), (230, 338), (226, 380), (218, 436), (206, 452), (196, 410), (194, 370)]),
    ("middle_deltoid", [(215, 318), (236, 340), (245, 380), (244, 430), (230, 462), (220, 438), (228, 380), (226, 344)]),
    # Arm and hand (palms forward: the radius is lateral)
    ("coracobrachialis", strap([(176, 418), (186, 470), (196, 540)], [12, 16, 10])),
    ("brachialis", strap([(208, 520), (218, 580), (226, 640)], [40, 48, 38])),
    ("biceps_brachii", strap([(205, 430), (214, 510), (226, 600), (232, 640)], [30, 42, 34, 18])),
    ("brachioradialis", strap([(258, 620), (274, 700), (282, 790), (288, 880)], [14, 24, 16, 10])),
    ("pronator_teres", strap([(214, 652), (238, 690), (262, 730)], [16, 18, 12])),
    ("flexor_digitorum_superficialis", strap([(232, 690), (248, 790), (262, 880)], [30, 30, 22])),
    ("flexor_carpi_radialis", strap([(222, 668), (250, 760), (270, 880)], [12, 14, 9])),
    ("flexor_carpi_ulnaris", strap([(212, 664), (226, 760), (246, 880)], [12, 14, 9])),
    ("opponens_pollicis", [(300, 928), (316, 960), (314, 985), (300, 975), (292, 950)]),
    ("adductor_pollicis", [(292, 962), (304, 980), (300, 998), (286, 996), (282, 978)]),
    # Trunk
    ("rectus_abdominis", [(4, 480), (40, 476), (62, 500), (60, 620), (52, 760), (30, 880), (4, 890)]),
    ("internal_oblique", [(64, 640), (110, 640), (128, 700), (132, 760), (90, 800), (60, 780)]),
    ("external_oblique", [(64, 505), (110, 520), (140, 560), (131, 630), (133, 690), (140, 745), (110, 770), (80, 800), (58, 780), (60, 640)]),
    # Hip and thigh
    ("iliopsoas", [(52, 740), (95, 745), (112, 820), (95, 900), (66, 920), (58, 860)]),
    ("tensor_fasciae_latae", [(135, 800), (152, 808), (162, 850), (160, 905), (148, 920), (140, 860)]),
    ("pectineus", [(36, 880), (62, 868), (78, 890), (58, 918), (34, 915)]),
    ("adductor_longus", [(16, 905), (36, 896), (60, 920), (50, 1000), (36, 1060), (24, 1030)]),
    ("gracilis", strap([(12, 950), (22, 1060), (34, 1160), (42, 1240)], [10, 14, 12, 8])),
    ("sartorius", strap([(134, 800), (118, 880), (90, 980), (60, 1110), (46, 1220), (48, 1260)], [12, 16, 18, 18, 14, 10])),
    ("rectus_femoris", strap([(120, 860), (112, 960), (100, 1080), (88, 1200)], [22, 42, 40, 20])),
    ("vastus_lateralis", [(148, 920), (156, 960), (150, 1060), (136, 1160), (124, 1222), (112, 1212), (122, 1120), (130, 1010), (138, 940)]),
    ("vastus_medialis", [(68, 1090), (80, 1130), (80, 1200), (66, 1238), (48, 1230), (44, 1190), (52, 1130)]),
    # Leg and foot
    ("tibialis_anterior", strap([(96, 1290), (102, 1400), (100, 1520), (88, 1660)], [20, 24, 16, 8])),
    ("extensor_digitorum_longus", strap([(112, 1300), (118, 1420), (112, 1560), (100, 1668)], [10, 12, 10, 6])),
    ("fibularis_longus", strap([(124, 1300), (128, 1390), (122, 1480)], [8, 9, 6])),
    ("abductor_hallucis", [(64, 1712), (68, 1726), (66, 1742), (61, 1732)]),
    ("extensor_digitorum_brevis", [(104, 1704), (118, 1712), (122, 1726), (108, 1724)]),
]

POSTERIOR_MUSCLES = [
    # Head and neck
    ("occipitalis", ellipse_points(42, 92, 20, 15, -20)),
    ("semispinalis_capitis", [(4, 135), (22, 132), (26, 190), (22, 262), (4, 268)]),
    ("suboccipitals", [(6, 142), (36, 138), (52, 150), (40, 166), (8, 166)]),
    ("splenius_cervicis", strap([(20, 210), (30, 260), (24, 330)], [12, 14, 10])),
    ("splenius_capitis", [(40, 142), (66, 150), (64, 190), (56, 222), (44, 240), (38, 205)]),
    ("levator_scapulae", strap([(36, 180), (42, 230), (56, 290), (74, 340)], [10, 14, 16, 12])),
    ("sternocleidomastoid_sternal", [(70, 150), (82, 146), (78, 166), (68, 180)]),
    ("upper_trapezius", [(3, 128), (34, 130), (44, 185), (48, 240), (62, 270), (92, 290), (140, 303), (190, 313), (204, 322), (186, 336), (140, 330), (90, 316), (40, 300), (3, 292)]),
    # Shoulder girdle and upper back
    ("rhomboid_minor", [(4, 290), (40, 302), (76, 330), (72, 346), (30, 320), (4, 312)]),
    ("rhomboid_major", [(4, 314), (30, 322), (72, 348), (64, 380), (74, 440), (92, 490), (50, 440), (4, 410)]),
    ("serratus_posterior_superior", [(4, 300), (60, 318), (98, 352), (96, 368), (60, 345), (4, 330)]),
    ("supraspinatus", [(80, 340), (130, 336), (180, 336), (200, 342), (175, 346), (120, 358), (72, 372)]),
    ("subscapularis", [(72, 380), (120, 362), (170, 356), (160, 405), (126, 460), (96, 490), (72, 440)]),
    ("middle_trapezius", [(3, 294), (40, 302), (92, 318), (140, 332), (186, 338), (176, 350), (120, 362), (76, 384), (40, 400), (3, 408)]),
    ("infraspinatus", [(68, 384), (120, 364), (172, 352), (178, 380), (162, 408), (132, 446), (98, 478), (72, 440)]),
    ("teres_minor", [(150, 418), (168, 396), (186, 386), (194, 398), (174, 414), (152, 434)]),
    ("teres_major", [(100, 480), (130, 452), (146, 442), (148, 456), (128, 480), (108, 498)]),
    ("serratus_posterior_inferior", [(4, 600), (60, 590), (118, 600), (124, 630), (60, 628), (4, 645)]),
    ("quadratus_lumborum", [(30, 648), (84, 640), (112, 660), (120, 720), (90, 735), (34, 740)]),
    ("multifidus", [(3, 560), (16, 560), (26, 700), (30, 790), (22, 850), (3, 860)]),
    ("latissimus_dorsi", [(40, 500), (96, 486), (124, 496), (148, 470), (150, 500), (146, 560), (134, 630), (138, 690), (132, 730), (90, 724), (40, 740), (4, 750), (4, 530)]),
    ("longissimus_thoracis", [(10, 420), (28, 420), (34, 560), (36, 680), (34, 780), (20, 790), (12, 680), (10, 560)]),
    ("iliocostalis_thoracis", [(34, 420), (56, 430), (64, 540), (60, 640), (40, 640), (36, 540)]),
    ("iliocostalis_lumborum", [(40, 642), (62, 642), (70, 700), (66, 760), (42, 782), (38, 700)]),
    ("lower_trapezius", [(3, 410), (40, 402), (76, 386), (92, 382), (88, 410), (60, 470), (30, 560), (3, 610)]),
    ("posterior_deltoid", [(176, 342), (210, 330), (232, 344), (238, 380), (230, 440), (218, 462), (204, 430), (192, 390)]),
    ("middle_deltoid", [(216, 322), (236, 340), (245, 380), (244, 430), (232, 462), (228, 430), (236, 380), (228, 344)]),
    # Arm and hand (palms forward: the back of the forearm shows, radius lateral)
    ("triceps_brachii", strap([(200, 440), (214, 520), (228, 600), (236, 640)], [44, 52, 44, 24])),
    ("supinator", strap([(240, 660), (256, 690), (270, 716)], [12, 14, 10])),
    ("extensor_carpi_radialis_longus", strap([(258, 630), (272, 690), (280, 760)], [12, 16, 10])),
    ("extensor_carpi_radialis_brevis", strap([(252, 660), (266, 740), (278, 820), (288, 890)], [12, 16, 12, 8])),
    ("extensor_digitorum", strap([(240, 666), (254, 760), (266, 880)], [16, 20, 14])),
    ("extensor_carpi_ulnaris", strap([(222, 664), (234, 760), (248, 880)], [12, 14, 10])),
    ("first_dorsal_interosseous", [(294, 940), (302, 958), (299, 985), (291, 990), (287, 960)]),
    # Hip and thigh
    ("gluteus_minimus", [(80, 760), (132, 752), (160, 780), (162, 820), (130, 814), (96, 790)]),
    ("piriformis", strap([(24, 810), (70, 815), (120, 826), (152, 834)], [22, 26, 18, 10])),
    ("gluteus_medius", [(56, 748), (110, 730), (150, 748), (164, 800), (160, 826), (130, 800), (90, 784), (60, 780)]),
    ("gluteus_maximus", [(20, 790), (60, 784), (110, 800), (150, 828), (166, 880), (150, 920), (100, 932), (46, 926), (14, 898), (14, 840)]),
    ("adductor_magnus", [(10, 955), (40, 950), (50, 1040), (44, 1150), (34, 1160), (24, 1080)]),
    ("gracilis", strap([(22, 990), (33, 1090), (42, 1180), (46, 1235)], [8, 10, 10, 6])),
    ("semimembranosus", strap([(56, 960), (52, 1060), (48, 1160), (46, 1240)], [16, 26, 26, 14])),
    ("semitendinosus", strap([(68, 940), (70, 1040), (66, 1150), (56, 1250)], [22, 28, 20, 10])),
    ("biceps_femoris", strap([(86, 940), (104, 1040), (116, 1150), (122, 1250)], [26, 38, 32, 14])),
    # Leg and foot
    ("popliteus", [(58, 1270), (102, 1262), (110, 1284), (70, 1300), (54, 1296)]),
    ("tibialis_posterior", strap([(84, 1300), (84, 1420), (80, 1540), (74, 1630)], [20, 24, 18, 8])),
    ("soleus", [(46, 1300), (120, 1300), (128, 1420), (114, 1530), (96, 1580), (76, 1580), (58, 1530), (44, 1440)]),
    ("gastrocnemius_lateral", [(86, 1262), (118, 1266), (132, 1330), (128, 1400), (112, 1460), (94, 1480), (88, 1380)]),
    ("gastrocnemius_medial", [(50, 1268), (84, 1262), (86, 1380), (82, 1500), (64, 1490), (44, 1440), (36, 1370), (40, 1300)]),
    ("fibularis_longus", strap([(130, 1300), (132, 1390), (126, 1480)], [8, 9, 6])),
]


# ---------------------------------------------------------------------------------------------
# Lateral (drawn as the right lateral view; the patient faces +x)

def lateral_silhouette():
    return [
        (-6, 0),
        (44, 10),
        (78, 40),
        (92, 80),
        (96, 108),
        (93, 122),
        (108, 148),
        (100, 160),
        (95, 164, C),
        (98, 180),
        (95, 190),
        (98, 200),
        (93, 220),
        (80, 231),
        (50, 233),
        (40, 250, C),
        (46, 282),
        (56, 312),
        (82, 350),
        (104, 420),
        (102, 470),
        (90, 525),
        (88, 600),
        (97, 680),
        (99, 745),
        (90, 810),
        (88, 870),
        (92, 960),
        (84, 1100),
        (70, 1210),
        (72, 1250),
        (58, 1295),
        (50, 1400),
        (40, 1560),
        (37, 1655),
        (58, 1690),
        (118, 1718),
        (172, 1736),
        (186, 1748),
        (170, 1758),
        (100, 1758),
        (-30, 1758),
        (-68, 1747),
        (-72, 1712),
        (-46, 1660),
        (-42, 1580),
        (-66, 1450),
        (-84, 1365),
        (-74, 1290),
        (-60, 1250),
        (-70, 1180),
        (-88, 1050),
        (-100, 945),
        (-122, 870),
        (-118, 790),
        (-88, 720),
        (-80, 650),
        (-95, 540),
        (-110, 440),
        (-100, 360),
        (-72, 300),
        (-58, 262),
        (-66, 222),
        (-90, 172),
        (-100, 110),
        (-86, 45),
        (-52, 12),
    ]


def lateral_arm():
    """The arm hanging at the side, forearm slightly forward: drawn over the trunk."""
    return [
        (-44, 334),
        (-20, 314),
        (14, 312),
        (40, 326),
        (48, 370),
        (46, 460),
        (42, 560),
        (42, 630),
        (66, 700),
        (96, 780),
        (114, 860),
        (136, 910),
        (160, 975),
        (170, 1035),
        (160, 1064),
        (140, 1066),
        (118, 1030),
        (94, 975),
        (66, 900),
        (40, 820),
        (6, 730),
        (-30, 660),
        (-42, 560),
        (-46, 460),
        (-50, 380),
    ]


def lateral_contours(view):
    bone, border, feature = "Bone", "MuscleBorder", "Feature"
    # Ear, eye, brow, mouth, jaw line.
    view.contour(feature, smooth([(-6, 112), (10, 108), (14, 130), (8, 158), (-4, 156), (-10, 132)]))
    view.contour(feature, smooth([(72, 110), (80, 106), (86, 112), (80, 114)]))
    view.contour(feature, smooth([(68, 98), (82, 93), (92, 100)], closed=False))
    view.contour(feature, smooth([(80, 192), (95, 190)], closed=False))
    view.contour(bone, smooth([(-2, 166), (8, 205, C), (40, 222), (80, 226)], closed=False))
    # Clavicle, scapular spine, ribs' margin, iliac crest and ASIS, greater trochanter,
    # iliotibial band, patella, fibular head, malleolus, Achilles tendon.
    view.contour(bone, smooth([(56, 312), (30, 318), (0, 322)], closed=False))
    view.contour(bone, smooth([(-30, 334), (-60, 342), (-88, 352)], closed=False))
    view.contour(bone, smooth([(-80, 560), (-20, 610), (40, 620), (88, 560)], closed=False))
    view.contour(bone, smooth([(-80, 730), (-30, 712), (30, 720), (72, 760)], closed=False))
    view.contour(bone, smooth(ellipse_points(-10, 835, 16, 14)))
    view.contour(border, smooth([(-4, 850), (0, 960), (2, 1080), (10, 1200), (20, 1262)], closed=False))
    view.contour(border, smooth([(36, 850), (32, 960), (34, 1080), (44, 1200)], closed=False))
    view.contour(bone, smooth(ellipse_points(60, 1240, 14, 22)))
    view.contour(bone, smooth(ellipse_points(-18, 1296, 8, 7)))
    view.contour(bone, smooth(ellipse_points(0, 1685, 9, 8)))
    view.contour(feature, smooth([(-45, 1560), (-52, 1640), (-58, 1700)], closed=False))
    # Fingers on the arm.
    view.contour(feature, smooth([(126, 1010), (140, 1040), (150, 1062)], closed=False), part=1)
    view.contour(feature, smooth([(60, 650), (80, 660)], closed=False), part=1)


def lateral_muscles():
    """(muscle, points, part): part 1 is the arm, drawn over the trunk."""
    trunk = [
        ("frontalis", [(48, 16), (78, 40), (90, 78), (78, 92), (58, 70), (40, 40)]),
        ("temporalis", [(-20, 56), (20, 40), (52, 60), (60, 96), (44, 118), (18, 120), (-6, 104)]),
        ("occipitalis", ellipse_points(-86, 100, 11, 24, 15)),
        ("lateral_pterygoid", [(20, 140), (44, 136), (48, 150), (24, 154)]),
        ("masseter", [(18, 144), (48, 144), (58, 174), (52, 212), (30, 214), (14, 196)]),
        ("digastric", strap([(-16, 170), (10, 214), (40, 226), (70, 228)], [8, 8, 8, 8])),
        ("suboccipitals", [(-78, 158), (-54, 150), (-46, 164), (-74, 172)]),
        ("semispinalis_capitis", [(-82, 166), (-70, 162), (-56, 215), (-52, 262), (-60, 262), (-64, 222), (-78, 190)]),
        ("splenius_cervicis", strap([(-40, 220), (-50, 270), (-66, 320)], [12, 14, 10])),
        ("levator_scapulae", strap([(-16, 182), (-30, 250), (-52, 320), (-62, 346)], [14, 20, 18, 12])),
        ("anterior_scalene", strap([(6, 206), (16, 260), (24, 306)], [10, 12, 10])),
        ("middle_scalene", strap([(-4, 206), (0, 260), (4, 306)], [10, 14, 12])),
        ("posterior_scalene", strap([(-12, 216), (-18, 262), (-16, 308)], [8, 12, 10])),
        ("splenius_capitis", [(-56, 146), (-28, 150), (-16, 200), (-30, 250), (-50, 252), (-52, 200)]),
        ("upper_trapezius", [(-88, 170), (-60, 160), (-46, 240), (-20, 300), (10, 316), (-20, 330), (-60, 330), (-92, 340), (-72, 300), (-58, 262), (-66, 222)]),
        ("sternocleidomastoid_clavicular", strap([(-12, 168), (8, 240), (24, 314)], [12, 18, 18])),
        ("sternocleidomastoid_sternal", strap([(-8, 164), (22, 240), (48, 306)], [12, 16, 12])),
        ("pectoralis_major", [(50, 326), (82, 350), (102, 420), (92, 468), (60, 440), (46, 390)]),
        ("pectoralis_minor", [(46, 350), (70, 380), (80, 440), (60, 432), (48, 390)]),
        ("subscapularis", [(-40, 380), (-20, 390), (-22, 460), (-42, 470)]),
        ("supraspinatus", [(-84, 332), (-50, 322), (-24, 322), (-40, 338), (-86, 350)]),
        ("infraspinatus", [(-92, 358), (-50, 346), (-40, 380), (-56, 430), (-100, 440)]),
        ("teres_minor", [(-52, 366), (-44, 380), (-58, 410), (-70, 400)]),
        ("teres_major", [(-100, 444), (-62, 428), (-46, 454), (-80, 476), (-104, 472)]),
        ("rhomboid_major", [(-104, 380), (-96, 372), (-94, 440), (-104, 452)]),
        ("serratus_anterior", [(40, 450), (80, 470), (92, 520), (80, 570), (50, 580), (30, 520)]),
        ("latissimus_dorsi", [(-104, 452), (-60, 470), (-30, 470), (-20, 560), (-30, 640), (-80, 690), (-86, 640), (-94, 540)]),
        ("serratus_posterior_inferior", [(-94, 560), (-60, 566), (-60, 610), (-88, 620)]),
        ("longissimus_thoracis", [(-106, 440), (-94, 440), (-76, 560), (-72, 680), (-90, 720), (-86, 650), (-94, 540)]),
        ("iliocostalis_lumborum", [(-78, 620), (-62, 640), (-62, 700), (-80, 718)]),
        ("quadratus_lumborum", [(-80, 640), (-44, 640), (-40, 700), (-76, 712)]),
        ("multifidus", [(-74, 660), (-66, 662), (-70, 720), (-86, 770), (-94, 766), (-80, 720)]),
        ("internal_oblique", [(-30, 650), (30, 640), (80, 690), (80, 740), (20, 722), (-40, 720)]),
        ("external_oblique", [(-26, 570), (20, 560), (80, 560), (88, 620), (96, 690), (90, 760), (40, 726), (-30, 720), (-34, 650)]),
        ("rectus_abdominis", [(80, 520), (90, 525), (88, 600), (97, 680), (96, 750), (86, 800), (76, 760), (78, 640)]),
        ("gluteus_minimus", [(-70, 750), (-10, 740), (20, 770), (14, 820), (-30, 810), (-70, 800)]),
        ("piriformis", strap([(-100, 800), (-60, 812), (-20, 822)], [20, 18, 12])),
        ("gluteus_medius", [(-86, 730), (-30, 714), (28, 724), (40, 770), (20, 800), (-20, 818), (-70, 800), (-96, 770)]),
        ("gluteus_maximus", [(-118, 790), (-96, 770), (-56, 800), (-20, 830), (0, 880), (-20, 920), (-60, 930), (-100, 945), (-122, 870)]),
        ("iliopsoas", [(40, 790), (70, 790), (80, 850), (60, 870), (40, 840)]),
        ("tensor_fasciae_latae", [(30, 740), (70, 770), (80, 830), (60, 880), (40, 876), (36, 800)]),
        ("rectus_femoris", strap([(76, 860), (84, 960), (78, 1080), (66, 1200)], [20, 20, 18, 12])),
        ("vastus_lateralis", [(-14, 880), (34, 880), (64, 930), (74, 1080), (56, 1200), (30, 1226), (0, 1200), (-10, 1080), (-16, 960)]),
        ("biceps_femoris", [(-96, 950), (-20, 920), (-14, 1000), (-20, 1120), (-28, 1240), (-50, 1250), (-70, 1180), (-86, 1050)]),
        ("popliteus", [(-56, 1270), (-34, 1268), (-34, 1290), (-56, 1296)]),
        ("gastrocnemius_lateral", [(-66, 1262), (-40, 1270), (-28, 1340), (-40, 1440), (-62, 1460), (-82, 1380), (-76, 1300)]),
        ("soleus", [(-66, 1340), (-30, 1340), (-16, 1440), (-30, 1560), (-44, 1600), (-50, 1500), (-62, 1460)]),
        ("tibialis_posterior", strap([(-12, 1420), (-14, 1520), (-16, 1620)], [12, 12, 8])),
        ("fibularis_longus", strap([(-14, 1310), (-10, 1400), (-10, 1500)], [22, 22, 14])),
        ("fibularis_brevis", strap([(-20, 1480), (-16, 1560), (-6, 1650)], [16, 16, 8])),
        ("extensor_digitorum_longus", strap([(8, 1310), (12, 1420), (16, 1530), (26, 1650)], [14, 16, 12, 8])),
        ("tibialis_anterior", strap([(30, 1300), (38, 1420), (36, 1540), (34, 1650)], [20, 22, 14, 8])),
        ("extensor_digitorum_brevis", [(40, 1700), (80, 1706), (100, 1722), (70, 1734), (36, 1730)]),
        ("abductor_digiti_minimi_pedis", [(-50, 1740), (0, 1742), (60, 1746), (60, 1754), (-40, 1754)]),
    ]
    arm = [
        ("posterior_deltoid", [(-44, 336), (-20, 318), (-8, 340), (-10, 420), (-20, 448), (-42, 420)]),
        ("anterior_deltoid", [(14, 314), (40, 328), (46, 380), (30, 436), (18, 430), (16, 360)]),
        ("middle_deltoid", [(-20, 318), (14, 314), (16, 360), (18, 430), (6, 460), (-10, 440), (-8, 340)]),
        ("triceps_brachii", [(-46, 430), (-20, 452), (-12, 520), (-16, 620), (-30, 660), (-42, 560)]),
        ("brachialis", [(-10, 520), (10, 520), (26, 580), (40, 640), (20, 650), (-8, 610)]),
        ("biceps_brachii", [(10, 450), (30, 440), (46, 470), (42, 560), (40, 620), (26, 580), (10, 520)]),
        ("supinator", strap([(20, 690), (46, 740), (64, 780)], [12, 14, 10])),
        ("brachioradialis", strap([(40, 600), (56, 690), (80, 770), (110, 880)], [16, 28, 22, 12])),
        ("extensor_carpi_radialis_longus", strap([(30, 640), (46, 710), (66, 780)], [14, 18, 12])),
        ("extensor_carpi_radialis_brevis", strap([(20, 680), (46, 770), (74, 850), (96, 920)], [14, 16, 12, 8])),
        ("extensor_digitorum", strap([(6, 690), (34, 790), (60, 870), (86, 940)], [16, 18, 14, 10])),
        ("extensor_carpi_ulnaris", strap([(-2, 690), (22, 770), (44, 830), (64, 872)], [10, 12, 10, 6])),
        ("first_dorsal_interosseous", [(118, 930), (138, 950), (140, 990), (124, 984), (112, 950)]),
    ]
    return [(m, p, 0) for m, p in trunk] + [(m, p, 1) for m, p in arm]


# ---------------------------------------------------------------------------------------------
# Head-and-neck detail views: the full-body drawing cropped at the shoulders.

def head_front_back_outline():
    half = HEAD_HALF[:-1] + [(240, 372), (246, 400, C)]
    other = mirror_points(half[1:])[::-1]
    return half + other


def head_lateral_outline():
    body = lateral_silhouette()
    front = body[: body.index((56, 312)) + 1] + [(82, 350), (100, 400, C), (-104, 400, C)]
    back = body[body.index((-100, 360)) :]
    return front + back


# ---------------------------------------------------------------------------------------------
# Soles of the feet, as a plantar chart shows them: toes up, heels down, seen from behind the
# patient (so the right foot is at +x, its big toe towards the midline).

def _sole(points):
    """Flips points drawn heel-up so the toes are at the top (y from 1500 to 1760)."""
    return [(x, 3260 - y) + tuple(rest) for (x, y, *rest) in points]


SOLE = _sole([
    (84, 1500),
    (106, 1505),
    (114, 1540),
    (116, 1590),
    (124, 1650),
    (132, 1700),
    (128, 1735),
    (112, 1752),
    (90, 1752),
    (70, 1745),
    (56, 1725),
    (58, 1690),
    (66, 1630),
    (64, 1570),
    (62, 1530),
    (68, 1506),
])


def plantar_outlines():
    return [SOLE, mirror_points(SOLE)]


def plantar_contours(view):
    for x in (72, 88, 102, 114):
        view.contour("Feature", smooth(_sole([(x, 1712), (x + 2, 1722)]), closed=False), part=0)
        view.contour("Feature", smooth(mirror_points(_sole([(x, 1712), (x + 2, 1722)])), closed=False), part=1)


def plantar_muscles():
    return [
        ("quadratus_plantae", _sole([(74, 1540), (102, 1538), (106, 1590), (80, 1600)])),
        ("flexor_digitorum_brevis", _sole([(78, 1560), (102, 1556), (112, 1640), (106, 1700), (80, 1700), (72, 1620)])),
        ("abductor_hallucis", _sole([(64, 1540), (72, 1536), (76, 1620), (66, 1690), (58, 1690), (64, 1620)])),
        ("abductor_digiti_minimi_pedis", _sole([(106, 1530), (113, 1540), (120, 1640), (116, 1660), (108, 1620)])),
    ]
