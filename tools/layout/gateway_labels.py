#!/usr/bin/env python3
"""Moves the labels of the given gateways and of their outgoing flows off the flows: the gateway's name goes
above it (below when a flow leaves upwards, above-left when flows leave on every side); a flow's label sits
above its first horizontal segment or beside its first vertical one (the second one when flows share their
first). Look at the rendering afterwards.

usage: python3 tools/layout/gateway_labels.py processes/X.bpmn Gateway_A [Gateway_B ...]
"""
import re, sys, xml.etree.ElementTree as ET
NS='{http://www.omg.org/spec/BPMN/20100524/MODEL}'
path = sys.argv[1]; gws = sys.argv[2:]
t = open(path).read(); root = ET.fromstring(t.encode())
def setlabel(el, x, y, w, h):
    global t
    m = re.search(r'<bpmndi:BPMN(Shape|Edge) [^>]*bpmnElement="' + el + r'".*?</bpmndi:BPMN\1>', t, re.S)
    b = m.group(0)
    nb = re.sub(r'(<bpmndi:BPMNLabel>\s*<dc:Bounds )[^/]*/>', rf'\g<1>x="{int(x)}" y="{int(y)}" width="{int(w)}" height="{int(h)}" />', b)
    t = t.replace(b, nb)
def pts(fid):
    e = re.search(r'<bpmndi:BPMNEdge [^>]*bpmnElement="' + fid + r'".*?</bpmndi:BPMNEdge>', t, re.S).group(0)
    return [(float(a), float(b)) for a, b in re.findall(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)"', e)]
for g in gws:
    m = re.search(r'<bpmndi:BPMNShape [^>]*bpmnElement="' + g + r'"[^>]*>\s*<dc:Bounds x="([-\d.]+)" y="([-\d.]+)"', t)
    gx, gy = float(m.group(1)), float(m.group(2)); cx, cy = gx + 25, gy + 25
    outs = [f for f in root.iter(NS + 'sequenceFlow') if f.get('sourceRef') == g]
    ins = [f for f in root.iter(NS + 'sequenceFlow') if f.get('targetRef') == g]
    used = set()
    def side(p):
        return 'top' if p[1] <= gy + 1 else 'bottom' if p[1] >= gy + 49 else 'left' if p[0] <= gx + 1 else 'right'
    for f in outs: used.add(side(pts(f.get('id'))[0]))
    for f in ins: used.add(side(pts(f.get('id'))[-1]))
    name = root.find(f".//*[@id='{g}']").get('name') or ''
    h = 28 if len(name) > 16 else 14
    if 'top' not in used: setlabel(g, cx - 50, gy - 6 - h, 100, h)
    elif 'bottom' not in used: setlabel(g, cx - 50, gy + 56, 100, h)
    else: setlabel(g, gx - 95, gy - 34 - h, 90, h)
    firsts = {}
    for f in outs:
        p = pts(f.get('id')); firsts.setdefault(p[0], []).append(f)
    for f in outs:
        p = pts(f.get('id')); n = f.get('name') or ''
        w = max(30, int(7.5 * len(n)) + 10)
        shared = len(firsts[p[0]]) > 1
        a, b = (p[1], p[2]) if shared and len(p) > 2 else (p[0], p[1])
        if abs(a[1] - b[1]) < 1:   # horizontal segment: label above it, near its start
            seg = abs(b[0] - a[0]) - 16
            lh = 14
            if w > seg and seg > 40:
                w, lh = seg, 28
            x = a[0] + 8 if b[0] > a[0] else a[0] - 8 - w
            setlabel(f.get('id'), x, a[1] - 4 - lh, w, lh)
        else:                      # vertical: label right of it
            y = a[1] + 8 if b[1] > a[1] else a[1] - 22
            setlabel(f.get('id'), a[0] + 6, y, w, 14)
open(path, 'w').write(t)
