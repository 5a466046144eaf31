"""Curve helpers for authoring the standard body map.

Shapes are written as a few hand-placed points on the reference body (mm, y down from the top
of the head, x = 0 on the midline) and turned into smooth cubic Bézier paths with Catmull-Rom
tangents. A point written as (x, y, "corner") keeps a sharp corner (axilla, crotch, jaw angle).
"""

import math

CORNER = "corner"


def _xy(p):
    return (float(p[0]), float(p[1]))


def _is_corner(p):
    return len(p) > 2 and p[2] == CORNER


def smooth(points, closed=True, tension=1.0):
    """A path through `points`: (start, [segments], closed), segments ("C", c1, c2, end)."""
    pts = [_xy(p) for p in points]
    corners = [_is_corner(p) for p in points]
    n = len(pts)
    if n < 2:
        raise ValueError("a path needs two points")

    def tangent(i):
        if corners[i]:
            return (0.0, 0.0)
        if closed:
            prev, nxt = pts[(i - 1) % n], pts[(i + 1) % n]
        else:
            prev = pts[max(i - 1, 0)]
            nxt = pts[min(i + 1, n - 1)]
        k = tension / 6.0
        return ((nxt[0] - prev[0]) * k, (nxt[1] - prev[1]) * k)

    tangents = [tangent(i) for i in range(n)]
    segments = []
    count = n if closed else n - 1
    for i in range(count):
        a, b = pts[i], pts[(i + 1) % n]
        ta, tb = tangents[i], tangents[(i + 1) % n]
        c1 = (a[0] + ta[0], a[1] + ta[1])
        c2 = (b[0] - tb[0], b[1] - tb[1])
        segments.append(("C", c1, c2, b))
    return (pts[0], segments, closed)


def polyline(points, closed=False):
    pts = [_xy(p) for p in points]
    return (pts[0], [("L", p) for p in pts[1:]], closed)


def mirror_points(points):
    """Points mirrored about the midline (keeps corner flags)."""
    return [(-p[0], p[1]) + tuple(p[2:]) for p in points]


def mirror_path(path):
    start, segments, closed = path
    f = lambda p: (-p[0], p[1])
    return (f(start), [(s[0],) + tuple(f(q) for q in s[1:]) for s in segments], closed)


def shift(points, dx=0.0, dy=0.0):
    return [(p[0] + dx, p[1] + dy) + tuple(p[2:]) for p in points]


def ellipse_points(cx, cy, rx, ry, angle_deg=0.0, count=8):
    a = math.radians(angle_deg)
    out = []
    for i in range(count):
        t = 2 * math.pi * i / count
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return out


def strap(centre, widths):
    """A closed outline around a centreline: `widths` gives the full width at each point."""
    left, right = [], []
    n = len(centre)
    for i, (x, y) in enumerate(centre):
        px, py = centre[max(i - 1, 0)]
        nx, ny = centre[min(i + 1, n - 1)]
        dx, dy = nx - px, ny - py
        length = math.hypot(dx, dy) or 1.0
        ox, oy = -dy / length, dx / length
        w = widths[i] / 2.0
        left.append((x + ox * w, y + oy * w))
        right.append((x - ox * w, y - oy * w))
    return left + right[::-1]


def flatten(path, steps=12):
    start, segments, _closed = path
    out = [start]
    cur = start
    for seg in segments:
        if seg[0] == "L":
            out.append(seg[1])
            cur = seg[1]
        else:
            _, c1, c2, end = seg
            for i in range(1, steps + 1):
                t = i / steps
                u = 1 - t
                out.append(
                    (
                        u * u * u * cur[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * end[0],
                        u * u * u * cur[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * end[1],
                    )
                )
            cur = end
    return out


def bounds(path):
    pts = flatten(path, 4)
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def clip_polygon_to_halfplane_y(points, y_max):
    """Sutherland-Hodgman clip of a polygon to y <= y_max."""
    out = []
    n = len(points)
    for i in range(n):
        a, b = points[i], points[(i + 1) % n]
        ina, inb = a[1] <= y_max, b[1] <= y_max
        if ina:
            out.append(a)
        if ina != inb:
            t = (y_max - a[1]) / (b[1] - a[1])
            out.append((a[0] + t * (b[0] - a[0]), y_max))
    return out


def fmt(v):
    v = round(v, 1)
    if v == 0:
        v = 0.0
    return f"{v:.1f}"


def ron_point(p):
    return f"({fmt(p[0])}, {fmt(p[1])})"


def ron_path(path, indent):
    """One path on one line: the map has thousands of them."""
    start, segments, closed = path
    parts = []
    for seg in segments:
        if seg[0] == "L":
            parts.append(f"L({ron_point(seg[1])})")
        else:
            parts.append(f"C({ron_point(seg[1])}, {ron_point(seg[2])}, {ron_point(seg[3])})")
    closed_text = "true" if closed else "false"
    return f"(start: {ron_point(start)}, segments: [{', '.join(parts)}], closed: {closed_text})"


def point_in_polygon(p, poly):
    inside = False
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        if (a[1] > p[1]) != (b[1] > p[1]):
            x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if x > p[0]:
                inside = not inside
    return inside


def nearest_on_polygon(p, poly):
    best, best_d = None, float("inf")
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        dx, dy = b[0] - a[0], b[1] - a[1]
        length2 = dx * dx + dy * dy or 1e-9
        t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
        q = (a[0] + t * dx, a[1] + t * dy)
        d = math.hypot(p[0] - q[0], p[1] - q[1])
        if d < best_d:
            best, best_d = q, d
    return best, best_d


def fit_inside(points, silhouette, margin=2.5, rounds=6):
    """Moves the points of a muscle shape inside the silhouette polygon (at least `margin` mm
    from the skin), then checks the smoothed curve and pulls in whatever still bulges out.
    Muscles are placed by eye; this keeps their edges on the body without hand-fitting."""
    pts = [list(p) for p in points]

    def pull(i, depth):
        p = (pts[i][0], pts[i][1])
        q, d = nearest_on_polygon(p, silhouette)
        inside = point_in_polygon(p, silhouette)
        if inside and d >= depth:
            return False
        # Move to `depth` inside along the normal from the nearest skin point.
        probe = (q[0] + 0.01 * (p[0] - q[0]), q[1] + 0.01 * (p[1] - q[1]))
        cx = sum(x[0] for x in pts) / len(pts)
        cy = sum(x[1] for x in pts) / len(pts)
        vx, vy = cx - q[0], cy - q[1]
        if d > 1e-6:
            vx, vy = (p[0] - q[0], p[1] - q[1]) if inside else (q[0] - p[0], q[1] - p[1])
        length = math.hypot(vx, vy) or 1.0
        pts[i][0] = q[0] + vx / length * depth
        pts[i][1] = q[1] + vy / length * depth
        del probe
        return True

    for i in range(len(pts)):
        pull(i, margin)
    for _ in range(rounds):
        path = smooth([tuple(p) for p in pts])
        flat = flatten(path, 8)
        moved = False
        per = max(1, (len(flat) - 1) // len(pts))
        for j, f in enumerate(flat):
            if not point_in_polygon(f, silhouette) or nearest_on_polygon(f, silhouette)[1] < 0.5:
                i = min(j // per, len(pts) - 1)
                if pull(i, margin + 2.0):
                    moved = True
        if not moved:
            break
    return [tuple(p) for p in pts]


def _segments_cross(a, b, c, d):
    def orient(p, q, r):
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return (o1 > 0) != (o2 > 0) and (o3 > 0) != (o4 > 0) and o1 * o2 < 0 and o3 * o4 < 0


def self_intersects(poly):
    n = len(poly)
    for i in range(n):
        a, b = poly[i], poly[(i + 1) % n]
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue
            if _segments_cross(a, b, poly[j], poly[(j + 1) % n]):
                return True
    return False


def shape_fits(points, silhouette):
    flat = flatten(smooth(points), 8)
    return all(
        point_in_polygon(f, silhouette) and nearest_on_polygon(f, silhouette)[1] >= 0.3 for f in flat
    )


def _project_inside(p, silhouette, depth):
    q, d = nearest_on_polygon(p, silhouette)
    if point_in_polygon(p, silhouette) and d >= depth:
        return p
    # Step from the skin towards the inside: probe both normals of the nearest edge.
    for sign in (1.0, -1.0):
        best = None
        n = len(silhouette)
        for i in range(n):
            a, b = silhouette[i], silhouette[(i + 1) % n]
            dx, dy = b[0] - a[0], b[1] - a[1]
            length = math.hypot(dx, dy) or 1.0
            t = max(0.0, min(1.0, ((q[0] - a[0]) * dx + (q[1] - a[1]) * dy) / (length * length)))
            foot = (a[0] + t * dx, a[1] + t * dy)
            if math.hypot(foot[0] - q[0], foot[1] - q[1]) < 1e-3:
                cand = (q[0] - dy / length * depth * sign, q[1] + dx / length * depth * sign)
                if point_in_polygon(cand, silhouette):
                    best = cand
                    break
        if best is not None:
            return best
    return q


def fit_and_check(points, silhouette, what):
    """Fits a muscle shape on the body and returns its path: the hand-placed points pulled
    inside (fit_inside), then every curve segment that still strays past the skin replaced by
    its flattened points moved just inside, so the muscle's edge follows the body's edge."""
    pts = fit_inside(points, silhouette)
    start, segments, closed = smooth(pts)
    out = []
    cur = start
    for seg in segments:
        _, c1, c2, end = seg
        flat = flatten((cur, [seg], False), 16)
        if all(point_in_polygon(f, silhouette) and nearest_on_polygon(f, silhouette)[1] >= 0.8 for f in flat):
            out.append(seg)
        else:
            for f in flat[1:]:
                out.append(("L", _project_inside(f, silhouette, 1.2)))
        cur = end
    path = (start, out, closed)
    poly = flatten(path, 8)
    if self_intersects(poly):
        print(f"warning: {what} crosses itself after fitting", file=__import__("sys").stderr)
    elif not all(point_in_polygon(f, silhouette) for f in poly):
        print(f"warning: {what} still reaches outside the body", file=__import__("sys").stderr)
    return path
