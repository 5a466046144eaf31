#!/usr/bin/env python3
"""Authoring source of the standard adult body map (`body_maps/standard_adult.ron`).

The RON file is the data of record: myomap embeds it and never runs this script. The script is
how the drawing is made and refined: each shape is a handful of points placed on the reference
body of `anatomy.md` (1,750 mm adult, mm, y down from the top of the head, x = 0 on the
midline), smoothed into Bézier curves and mirrored for the other side, so left and right are
exact mirror images and every refinement stays in the same frame.

    python3 body_maps/source/standard_adult.py            # writes body_maps/standard_adult.ron
    python3 body_maps/source/standard_adult.py --svg DIR  # also one SVG preview per view

Heights from `anatomy.md` (fractions of H from the floor) become y = (1 - f) * 1750:
eyes 112, chin 228, acromion 319, nipples 490, elbow 648, navel 700, greater trochanter 823,
wrist 901, crotch 928, fingertips 1090, knee 1251, ankle 1682, floor 1750. Widths: biacromial
453 (acromion x = ±226), chest 304 (±152), hips 334 (±167), head height 228.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from geometry import (  # noqa: E402
    CORNER,
    bounds,
    clip_polygon_to_halfplane_y,
    ellipse_points,
    fit_and_check,
    flatten,
    mirror_path,
    mirror_points,
    polyline,
    ron_path,
    smooth,
    strap,
)
from muscles import MUSCLES  # noqa: E402
import regions  # noqa: E402
import safety  # noqa: E402
import shapes  # noqa: E402

MAP_ID = "myomap-adult"
MAP_VERSION = 1
HEAD_CROP_Y = 400.0

SIDE_OF = {
    # which patient side lies at +x on each facing
    "Anterior": "Left",
    "Posterior": "Right",
    "LeftLateral": "Left",
    "RightLateral": "Right",
}
OTHER = {"Left": "Right", "Right": "Left"}


class View:
    def __init__(self, vid, name, facing):
        self.id = vid
        self.name = name
        self.facing = facing
        self.outline = []
        self.contours = []  # (kind, path, part)
        self.muscles = []  # (muscle, side, path, part)

    def fit(self, muscle, points, part):
        """Keeps a muscle on the body: see `geometry.fit_and_check`."""
        what = f"{self.id}: {muscle}"
        return fit_and_check(points, flatten(self.outline[part], 10), what)

    def pair(self, muscle, points, part=0, mirror_part=None):
        """A paired muscle drawn at +x and mirrored to -x (onto `mirror_part` when the two
        sides are separate outlines, as the two soles are)."""
        path = self.fit(muscle, points, part)
        side = SIDE_OF[self.facing]
        self.muscles.append((muscle, side, path, part))
        other_part = part if mirror_part is None else mirror_part
        self.muscles.append((muscle, OTHER[side], mirror_path(path), other_part))

    def one(self, muscle, points, part=0):
        """A muscle of the side a lateral view shows."""
        path = self.fit(muscle, points, part)
        self.muscles.append((muscle, SIDE_OF[self.facing], path, part))

    def contour(self, kind, path, part=0, mirrored=False):
        self.contours.append((kind, path, part))
        if mirrored:
            self.contours.append((kind, mirror_path(path), part))


def full_front_back(vid, name, facing):
    view = View(vid, name, facing)
    view.outline.append(smooth(shapes.front_back_silhouette(facing)))
    shapes.front_back_contours(view, facing)
    for muscle, points in shapes.front_back_muscles(facing):
        view.pair(muscle, points)
    return view


def lateral(vid, name, facing):
    view = View(vid, name, facing)
    body = shapes.lateral_silhouette()
    arm = shapes.lateral_arm()
    view.outline.append(smooth(body))
    view.outline.append(smooth(arm))
    shapes.lateral_contours(view)
    for muscle, points, part in shapes.lateral_muscles():
        view.one(muscle, points, part)
    if facing == "LeftLateral":
        view.outline = [mirror_path(p) for p in view.outline]
        view.contours = [(k, mirror_path(p), part) for k, p, part in view.contours]
        view.muscles = [(m, "Left", mirror_path(p), part) for m, _s, p, part in view.muscles]
    return view


def head_crop(source, vid, name, outline_points):
    """A head-and-neck detail view: the same frame as the full body, cropped at the shoulders."""
    view = View(vid, name, source.facing)
    view.outline.append(smooth(outline_points))
    for kind, path, part in source.contours:
        if part == 0 and bounds(path)[3] <= HEAD_CROP_Y:
            view.contours.append((kind, path, part))
    for muscle, side, path, part in source.muscles:
        if part == 0 and bounds(path)[3] <= HEAD_CROP_Y - 2.0:
            view.muscles.append((muscle, side, path, part))
    return view


def build_views():
    anterior = full_front_back("anterior", "Anterior", "Anterior")
    posterior = full_front_back("posterior", "Posterior", "Posterior")
    right = lateral("right_lateral", "Right lateral", "RightLateral")
    left = lateral("left_lateral", "Left lateral", "LeftLateral")
    head_ant = head_crop(
        anterior, "head_anterior", "Head and neck, anterior", shapes.head_front_back_outline()
    )
    head_post = head_crop(
        posterior, "head_posterior", "Head and neck, posterior", shapes.head_front_back_outline()
    )
    head_right = head_crop(
        right, "head_right_lateral", "Head and neck, right lateral", shapes.head_lateral_outline()
    )
    head_left = head_crop(
        left,
        "head_left_lateral",
        "Head and neck, left lateral",
        mirror_points(shapes.head_lateral_outline()),
    )
    feet = View("feet_plantar", "Soles of the feet", "Posterior")
    feet.outline.extend(smooth(p) for p in shapes.plantar_outlines())
    shapes.plantar_contours(feet)
    for muscle, points in shapes.plantar_muscles():
        feet.pair(muscle, points, part=0, mirror_part=1)
    return [anterior, posterior, left, right, head_ant, head_post, head_left, head_right, feet]


def ron_view(view):
    out = ["        (", f'            id: "{view.id}",', f'            name: "{view.name}",']
    out.append(f"            facing: {view.facing},")
    out.append("            outline: [")
    for path in view.outline:
        out.append("                " + ron_path(path, 16) + ",")
    out.append("            ],")
    out.append("            contours: [")
    for kind, path, part in view.contours:
        out.append("                (")
        out.append(f"                    kind: {kind},")
        out.append("                    path: " + ron_path(path, 20) + ",")
        if part:
            out.append(f"                    part: {part},")
        out.append("                ),")
    out.append("            ],")
    out.append("            muscles: [")
    for muscle, side, path, part in view.muscles:
        out.append("                (")
        out.append(f'                    muscle: "{muscle}",')
        out.append(f"                    side: {side},")
        out.append("                    shape: " + ron_path(path, 20) + ",")
        if part:
            out.append(f"                    part: {part},")
        out.append("                ),")
    out.append("            ],")
    out.append("        ),")
    return out


def ron_map(views, region_sets, safety_zones):
    out = [
        "// The standard adult body map of myomap. Generated by body_maps/source/standard_adult.py;",
        "// edit the source and regenerate rather than editing by hand. Frame: mm on a 1,750 mm",
        "// reference adult, y down from the top of the head, x = 0 on the midline.",
        "(",
        "    format_version: 1,",
        f'    id: "{MAP_ID}",',
        f"    version: {MAP_VERSION},",
        '    name: "Standard adult",',
        "    muscles: [",
    ]
    for m in MUSCLES:
        out.append(
            f'        (id: "{m[0]}", name: "{m[1]}", layer: {m[2]}, group: "{m[3]}"),'
        )
    out.append("    ],")
    out.append("    views: [")
    for view in views:
        out.extend(ron_view(view))
    out.append("    ],")
    out.append("    region_sets: [")
    for set_id, set_name, rs in region_sets:
        out.append("        (")
        out.append(f'            id: "{set_id}",')
        out.append(f'            name: "{set_name}",')
        out.append("            regions: [")
        for rid, rname, side, vid, path in rs:
            out.append("                (")
            out.append(f'                    id: "{rid}",')
            out.append(f'                    name: "{rname}",')
            out.append(f"                    side: {side},")
            out.append(f'                    view: "{vid}",')
            out.append("                    shape: " + ron_path(path, 20) + ",")
            out.append("                ),")
        out.append("            ],")
        out.append("        ),")
    out.append("    ],")
    out.append("    safety_zones: [")
    for zid, name, guidance, depth, thorax, areas in safety_zones:
        out.append("        (")
        out.append(f'            id: "{zid}",')
        out.append(f'            name: "{name}",')
        out.append(f'            guidance: "{guidance}",')
        out.append(f"            max_depth_mm: {'None' if depth is None else f'Some({depth:.1f})'},")
        out.append(f"            thorax: {'true' if thorax else 'false'},")
        out.append("            areas: [")
        for vid, side, path in areas:
            out.append("                (")
            out.append(f'                    view: "{vid}",')
            out.append(f"                    side: {side},")
            out.append("                    shape: " + ron_path(path, 20) + ",")
            out.append("                ),")
        out.append("            ],")
        out.append("        ),")
    out.append("    ],")
    out.append(")")
    return "\n".join(out) + "\n"


def svg_view(view, region_sets):
    from geometry import flatten

    pts = [p for path in view.outline for p in flatten(path, 6)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x0, y0, x1, y1 = min(xs) - 30, min(ys) - 30, max(xs) + 30, max(ys) + 30
    scale = 1.0 if y1 - y0 > 600 else 2.5
    w, h = (x1 - x0) * scale, (y1 - y0) * scale

    def d(path):
        p = flatten(path, 10)
        s = " ".join(f"{(q[0] - x0) * scale:.1f},{(q[1] - y0) * scale:.1f}" for q in p)
        return f"M {s}" + (" Z" if path[2] else "")

    layer_of = {m[0]: m[2] for m in MUSCLES}
    name_of = {m[0]: m[1] for m in MUSCLES}
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0f}" height="{h:.0f}">',
        f'<rect width="{w:.0f}" height="{h:.0f}" fill="white"/>',
    ]
    for path in view.outline:
        out.append(f'<path d="{d(path)}" fill="#f3e3d3" stroke="#6b4f3a" stroke-width="1.5"/>')
    for muscle, side, path, part in view.muscles:
        deep = layer_of[muscle] == "Deep"
        colour = "#5a7fd0" if deep else "#d07a6a"
        dash = ' stroke-dasharray="4,3"' if deep else ""
        out.append(
            f'<path d="{d(path)}" fill="{colour}" fill-opacity="0.18" stroke="{colour}" stroke-width="0.8"{dash}/>'
        )
    for kind, path, part in view.contours:
        out.append(f'<path d="{d(path)}" fill="none" stroke="#8a6f5a" stroke-width="0.8"/>')
    for muscle, side, path, part in view.muscles:
        b = bounds(path)
        cx, cy = ((b[0] + b[2]) / 2 - x0) * scale, ((b[1] + b[3]) / 2 - y0) * scale
        label = name_of[muscle] + (" (d)" if layer_of[muscle] == "Deep" else "")
        out.append(
            f'<text x="{cx:.0f}" y="{cy:.0f}" font-size="{5 * scale:.0f}" text-anchor="middle" fill="#333">{label}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    views = build_views()
    region_sets = regions.build(views)
    text = ron_map(views, region_sets, safety.build(views))
    target = os.path.join(here, "..", "standard_adult.ron")
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    if "--svg" in sys.argv:
        folder = sys.argv[sys.argv.index("--svg") + 1]
        os.makedirs(folder, exist_ok=True)
        for view in views:
            with open(os.path.join(folder, view.id + ".svg"), "w", encoding="utf-8") as f:
                f.write(svg_view(view, region_sets))
    print(f"wrote {os.path.normpath(target)}: {len(views)} views, {len(MUSCLES)} muscles")


if __name__ == "__main__":
    main()
