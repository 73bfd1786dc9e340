#!/usr/bin/env python3
"""Lays out a BPMN model on a grid and writes its diagram (BPMNDI), so that Camunda Modeler shows it
readably. The process owner's semantic model is left as it is; only the diagram is replaced.

usage: grid_layout.py MODEL.bpmn LAYOUT.json

LAYOUT.json places every flow node on a grid cell and may route single flows:
{
  "grid": {"col": 170, "row": 130, "x0": 60, "y0": 60},      # optional
  "nodes": {"StartEvent_X": [0, 1], "Task_Y": [1, 1], ...},   # [column, row]; fractions allowed
  "flows": {"Flow_Back": {"route": "below", "lane": 1},       # back edge under the rows, lane = offset
            "Flow_Loop": {"route": "above"},
            "Flow_Down": {"exit": "bottom"}}                    # leave a gateway downwards
}
Expanded sub-processes are drawn around their children; boundary events sit on their host's
bottom edge; event sub-processes are drawn around their children like sub-processes.
"""
import json
import sys
import xml.etree.ElementTree as ET

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "camunda": "http://camunda.org/schema/1.0/bpmn",
    "modeler": "http://camunda.org/schema/modeler/1.0",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)

BPMN = "{%s}" % NS["bpmn"]
SIZES = {
    "startEvent": (36, 36), "endEvent": (36, 36), "boundaryEvent": (36, 36),
    "intermediateCatchEvent": (36, 36), "intermediateThrowEvent": (36, 36),
    "exclusiveGateway": (50, 50), "parallelGateway": (50, 50), "inclusiveGateway": (50, 50),
    "eventBasedGateway": (50, 50),
}
TASK = (110, 80)
PAD = 40          # sub-process padding around its children
LABEL_W = 100


def local(tag):
    return tag.split("}", 1)[-1]


class Box:
    def __init__(self, x, y, w, h):
        self.x, self.y, self.w, self.h = x, y, w, h

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2

    @property
    def right(self):
        return self.x + self.w

    @property
    def bottom(self):
        return self.y + self.h


def main(model_path, layout_path):
    tree = ET.parse(model_path)
    root = tree.getroot()
    layout = json.load(open(layout_path, encoding="utf-8"))
    grid = {"col": 170, "row": 130, "x0": 60, "y0": 60}
    grid.update(layout.get("grid", {}))
    cells = layout["nodes"]
    flow_rules = layout.get("flows", {})
    label_sides = layout.get("labels", {})

    process = root.find(BPMN + "process")
    elements = {}      # id -> element
    parents = {}       # id -> container id (process id or sub-process id)
    containers = []    # sub-processes, innermost last

    def walk(container, container_id):
        for child in container:
            kind = local(child.tag)
            cid = child.get("id")
            if cid is None:
                continue
            elements[cid] = child
            parents[cid] = container_id
            if kind in ("subProcess", "transaction"):
                containers.append(cid)
                walk(child, cid)

    walk(process, process.get("id"))

    boxes = {}
    flows = [e for e in elements.values() if local(e.tag) == "sequenceFlow"]
    nodes = [e for e in elements.values() if local(e.tag) not in ("sequenceFlow",) and
             local(e.tag) not in ("subProcess", "transaction", "boundaryEvent") and
             local(e.tag) in FLOW_NODE_KINDS]

    def cell_center(cell):
        col, row = cell
        return grid["x0"] + col * grid["col"] + grid["col"] / 2, grid["y0"] + row * grid["row"] + grid["row"] / 2

    for node in nodes:
        nid = node.get("id")
        if nid not in cells:
            raise SystemExit(f"layout: no cell for {local(node.tag)} '{nid}'")
        w, h = SIZES.get(local(node.tag), TASK)
        cx, cy = cell_center(cells[nid])
        boxes[nid] = Box(cx - w / 2, cy - h / 2, w, h)

    # sub-processes around their children, innermost first
    for sid in reversed(containers):
        inner = [boxes[i] for i, p in parents.items() if p == sid and i in boxes]
        if not inner:
            raise SystemExit(f"layout: sub-process '{sid}' has no placed children")
        x = min(b.x for b in inner) - PAD
        y = min(b.y for b in inner) - PAD - 20   # room for the sub-process name
        r = max(b.right for b in inner) + PAD
        btm = max(b.bottom for b in inner) + PAD + 20   # room for labels
        if sid in cells and len(cells[sid]) == 4:   # explicit [x, y, w, h] override
            x, y, w, h = cells[sid]
            boxes[sid] = Box(x, y, w, h)
        else:
            boxes[sid] = Box(x, y, r - x, btm - y)

    # boundary events on the host's bottom edge, spread from the right
    per_host = {}
    for be in [e for e in elements.values() if local(e.tag) == "boundaryEvent"]:
        host = boxes[be.get("attachedToRef")]
        n = per_host.get(be.get("attachedToRef"), 0)
        per_host[be.get("attachedToRef")] = n + 1
        boxes[be.get("id")] = Box(host.right - 30 - n * 90 - 18, host.bottom - 18, 36, 36)

    # routes
    edges = {}
    lanes_below = {}
    for flow in flows:
        fid = flow.get("id")
        src, tgt = boxes[flow.get("sourceRef")], boxes[flow.get("targetRef")]
        rule = flow_rules.get(fid, {})
        src_kind = local(elements[flow.get("sourceRef")].tag)
        edges[fid] = route(src, tgt, src_kind, rule, grid)

    # diagram
    for old in root.findall("{%s}BPMNDiagram" % NS["bpmndi"]):
        root.remove(old)
    diagram = ET.SubElement(root, "{%s}BPMNDiagram" % NS["bpmndi"], id="BPMNDiagram_" + process.get("id"))
    plane = ET.SubElement(diagram, "{%s}BPMNPlane" % NS["bpmndi"], id="BPMNPlane_" + process.get("id"),
                          bpmnElement=process.get("id"))

    def shape(eid):
        b = boxes[eid]
        kind = local(elements[eid].tag)
        attrs = {"id": eid + "_di", "bpmnElement": eid}
        if kind in ("subProcess", "transaction"):
            attrs["isExpanded"] = "true"
        if kind == "exclusiveGateway":
            attrs["isMarkerVisible"] = "true"
        s = ET.SubElement(plane, "{%s}BPMNShape" % NS["bpmndi"], attrs)
        ET.SubElement(s, "{%s}Bounds" % NS["dc"], bounds(b))
        name = elements[eid].get("name")
        if name and kind in SIZES:
            lw = LABEL_W if kind != "boundaryEvent" else 80
            lines = max(1, (len(name) * 6) // lw + 1)
            side = label_sides.get(eid, "below")
            if side == "above":
                label = Box(b.cx - lw / 2, b.y - 5 - 14 * lines, lw, 14 * lines)
            elif side == "left":
                label = Box(b.x - lw - 4, b.cy - 7 * lines, lw, 14 * lines)
            elif side == "right":
                label = Box(b.right + 4, b.cy - 7 * lines, lw, 14 * lines)
            else:
                label = Box(b.cx - lw / 2, b.bottom + 5, lw, 14 * lines)
            lab = ET.SubElement(s, "{%s}BPMNLabel" % NS["bpmndi"])
            ET.SubElement(lab, "{%s}Bounds" % NS["dc"], bounds(label))

    # containers first so that their children are drawn on top
    for sid in containers:
        shape(sid)
    for eid in boxes:
        if eid not in containers:
            shape(eid)
    for flow in flows:
        fid = flow.get("id")
        e = ET.SubElement(plane, "{%s}BPMNEdge" % NS["bpmndi"], {"id": fid + "_di", "bpmnElement": fid})
        points = edges[fid]
        for px, py in points:
            ET.SubElement(e, "{%s}waypoint" % NS["di"], {"x": fmt(px), "y": fmt(py)})
        if flow.get("name"):
            (ax, ay), (bx, by) = points[0], points[1]
            if ay == by:   # horizontal first leg: label above it
                lx, ly = min(ax, bx) + 6, ay - 20
            else:          # vertical first leg: label beside it, near the source
                lx, ly = ax + 6, (ay + 6 if by > ay else ay - 20)
            lab = ET.SubElement(e, "{%s}BPMNLabel" % NS["bpmndi"])
            ET.SubElement(lab, "{%s}Bounds" % NS["dc"], {"x": fmt(lx), "y": fmt(ly), "width": "90", "height": "14"})

    ET.indent(tree, space="  ")
    tree.write(model_path, encoding="UTF-8", xml_declaration=True)


FLOW_NODE_KINDS = {"startEvent", "endEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
                   "businessRuleTask", "manualTask", "callActivity", "exclusiveGateway", "parallelGateway",
                   "inclusiveGateway", "eventBasedGateway", "intermediateCatchEvent", "intermediateThrowEvent"}


def route(src, tgt, src_kind, rule, grid):
    """Orthogonal waypoints from src to tgt."""
    how = rule.get("route")
    lane = rule.get("lane", 0)
    if how == "channel":   # vertical out of src, horizontal at grid row y, vertical into tgt
        y = grid["y0"] + rule["y"] * grid["row"] + grid["row"] / 2
        out_y = src.bottom if y > src.cy else src.y
        in_y = tgt.bottom if y > tgt.cy else tgt.y
        return [(src.cx, out_y), (src.cx, y), (tgt.cx, y), (tgt.cx, in_y)]
    if how == "right-channel":   # right out of src, vertical at grid column x, into tgt from above/below
        x = grid["x0"] + rule["x"] * grid["col"] + grid["col"] / 2
        y = grid["y0"] + rule["y"] * grid["row"] + grid["row"] / 2
        in_y = tgt.bottom if y > tgt.cy else tgt.y
        return [(src.right, src.cy), (x, src.cy), (x, y), (tgt.cx, y), (tgt.cx, in_y)]
    if how == "up":   # straight up into the target's bottom edge (e.g. an expanded sub-process)
        return [(src.cx, src.y), (src.cx, tgt.bottom)]
    if how == "down":
        return [(src.cx, src.bottom), (src.cx, tgt.y)]
    if how == "up-left":   # up, then left into the target's right side
        return [(src.cx, src.y), (src.cx, tgt.cy), (tgt.right, tgt.cy)]
    if how == "left":   # straight to the left
        return [(src.x, src.cy), (tgt.right, tgt.cy)]
    if how == "left-down":   # left, then down (or up) into the target
        in_y = tgt.y if tgt.cy > src.cy else tgt.bottom
        return [(src.x, src.cy), (tgt.cx, src.cy), (tgt.cx, in_y)]
    if how == "below":
        y = max(src.bottom, tgt.bottom) + 25 + 18 * lane
        return [(src.cx, src.bottom), (src.cx, y), (tgt.cx, y), (tgt.cx, tgt.bottom)]
    if how == "above":
        y = min(src.y, tgt.y) - rule.get("gap", 25) - 18 * lane
        return [(src.cx, src.y), (src.cx, y), (tgt.cx, y), (tgt.cx, tgt.y)]
    if how == "down-left":   # leave downwards, enter the target from its right side
        return [(src.cx, src.bottom), (src.cx, tgt.cy), (tgt.right, tgt.cy)]
    if how == "up-left":
        return [(src.cx, src.y), (src.cx, tgt.cy), (tgt.right, tgt.cy)]
    if how == "into-bottom":   # go right, then up into the target's bottom
        return [(src.right, src.cy), (tgt.cx, src.cy), (tgt.cx, tgt.bottom)]
    if how == "into-top":
        return [(src.right, src.cy), (tgt.cx, src.cy), (tgt.cx, tgt.y)]
    if abs(src.cy - tgt.cy) < 1 and tgt.x >= src.right:
        return [(src.right, src.cy), (tgt.x, tgt.cy)]
    # into or out of an expanded sub-process at the level of the main line
    if tgt.x >= src.right and tgt.h > TASK[1] and tgt.y < src.cy < tgt.bottom:
        return [(src.right, src.cy), (tgt.x, src.cy)]
    if tgt.x >= src.right and src.h > TASK[1] and src.y < tgt.cy < src.bottom:
        return [(src.right, tgt.cy), (tgt.x, tgt.cy)]
    if abs(src.cx - tgt.cx) < 1:   # straight up or down
        return [(src.cx, src.bottom), (tgt.cx, tgt.y)] if tgt.cy > src.cy else [(src.cx, src.y), (tgt.cx, tgt.bottom)]
    exit_side = rule.get("exit")
    if exit_side is None:
        exit_side = "vertical" if src_kind.endswith("Gateway") or src_kind == "boundaryEvent" else "right"
    if tgt.x >= src.right and exit_side == "vertical":
        y0 = src.bottom if tgt.cy > src.cy else src.y
        return [(src.cx, y0), (src.cx, tgt.cy), (tgt.x, tgt.cy)]
    if tgt.x >= src.right:
        mid = src.right + min(40, (tgt.x - src.right) / 2)
        return [(src.right, src.cy), (mid, src.cy), (mid, tgt.cy), (tgt.x, tgt.cy)]
    # backwards without a rule: below
    y = max(src.bottom, tgt.bottom) + 25 + 18 * lane
    return [(src.cx, src.bottom), (src.cx, y), (tgt.cx, y), (tgt.cx, tgt.bottom)]


def bounds(b):
    return {"x": fmt(b.x), "y": fmt(b.y), "width": fmt(b.w), "height": fmt(b.h)}


def fmt(v):
    return str(int(round(v)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
