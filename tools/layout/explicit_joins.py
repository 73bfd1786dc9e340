#!/usr/bin/env python3
"""Makes implicit joins explicit (bpmnlint rule fake-join): before every activity or event with several incoming
flows it inserts an exclusive gateway Gateway_Join<Name> with a flow Flow_Joined<Name>, retargets the incoming
flows to it, and makes room in the diagram the way Camunda Modeler's space tool does (everything right of the
node moves right by 100; a node whose flow leaves to the left gets its gateway on its right). Incoming edges are
rerouted to the gateway's side they came from. Look at the rendering afterwards: an edge that came in from an
unusual side may need a better route.

usage: python3 tools/layout/explicit_joins.py processes/X.bpmn [NODE_ID_TO_LEAVE ...]
"""
import re, sys, xml.etree.ElementTree as ET
NS = '{http://www.omg.org/spec/BPMN/20100524/MODEL}'
DI = '{http://www.omg.org/spec/BPMN/20100524/DI}'
DC = '{http://www.omg.org/spec/DD/20100524/DC}'
D = 100
FLOWNODE_TAGS = ('task', 'userTask', 'serviceTask', 'businessRuleTask', 'sendTask', 'receiveTask', 'manualTask',
    'scriptTask', 'callActivity', 'subProcess', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent')

def num(v):
    f = float(v); return int(f) if f == int(f) else f

def shift(text, X, hosts_shifted):
    # shapes
    def shape(m):
        block = m.group(0)
        el = m.group(1)
        b = re.search(r'<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)"', block)
        x, w = float(b.group(1)), float(b.group(3))
        if x >= X or el in hosts_shifted:
            block = re.sub(r'(<dc:Bounds x=")([-\d.]+)', lambda mm: mm.group(1) + str(num(float(mm.group(2)) + D)), block)
        elif x < X < x + w:
            block = block.replace(b.group(0), b.group(0).replace(f'width="{b.group(3)}"', f'width="{num(w + D)}"'), 1)
            # label of the wide shape stays
        return block
    text = re.sub(r'<bpmndi:BPMNShape [^>]*bpmnElement="([^"]+)".*?</bpmndi:BPMNShape>', shape, text, flags=re.S)
    def edge(m):
        block = m.group(0)
        block = re.sub(r'(<di:waypoint x=")([-\d.]+)', lambda mm: mm.group(1) + (str(num(float(mm.group(2)) + D)) if float(mm.group(2)) >= X else mm.group(2)), block)
        block = re.sub(r'(<bpmndi:BPMNLabel>\s*<dc:Bounds x=")([-\d.]+)', lambda mm: mm.group(1) + (str(num(float(mm.group(2)) + D)) if float(mm.group(2)) >= X else mm.group(2)), block)
        return block
    text = re.sub(r'<bpmndi:BPMNEdge .*?</bpmndi:BPMNEdge>', edge, text, flags=re.S)
    return text

def bounds(text, el):
    m = re.search(r'<bpmndi:BPMNShape [^>]*bpmnElement="' + re.escape(el) + r'"[^>]*>\s*<dc:Bounds x="([-\d.]+)" y="([-\d.]+)" width="([-\d.]+)" height="([-\d.]+)"', text)
    return tuple(float(g) for g in m.groups())

def process(path, skip=()):
    text = open(path).read()
    while True:
        root = ET.fromstring(text.encode())
        inc = {}
        for f in root.iter(NS + 'sequenceFlow'):
            inc.setdefault(f.get('targetRef'), []).append(f.get('id'))
        tags = {el.get('id'): el.tag.replace(NS, '') for el in root.iter() if el.get('id')}
        todo = [n for n, fl in inc.items() if len(fl) > 1 and tags.get(n) in FLOWNODE_TAGS]
        todo = [n for n in todo if n not in skip]
        if not todo:
            break
        node = todo[0]
        flows = inc[node]
        attached = {el.get('id'): el.get('attachedToRef') for el in root.iter(NS + 'boundaryEvent')}
        x, y, w, h = bounds(text, node)
        rtl = False
        for f in root.iter(NS + 'sequenceFlow'):
            if f.get('sourceRef') == node:
                em = re.search(r'<bpmndi:BPMNEdge [^>]*bpmnElement="' + re.escape(f.get('id')) + r'".*?</bpmndi:BPMNEdge>', text, flags=re.S)
                fx = float(re.search(r'<di:waypoint x="([-\d.]+)"', em.group(0)).group(1))
                rtl = rtl or fx <= x + 1
        X = x + w if rtl else x
        shifted = {n for n in tags if n in [node]}  # hosts shifted (x >= X) are handled by coordinates
        hosts = set()
        for b, host in attached.items():
            try:
                hx = bounds(text, host)[0]
            except AttributeError:
                continue
            if hx >= X:
                hosts.add(b)
        text = shift(text, X, hosts)
        if not rtl:
            x = X + D
        cy = y + h / 2
        gx, gw = X + 25, 50
        entry = gx + 50 if rtl else gx   # where a flow on the centre line enters the gateway
        exit_, node_side = (gx, X) if rtl else (gx + 50, x)
        cx = gx + gw / 2
        name = node.split('_', 1)[1]
        gid = 'Gateway_Join' + name
        fid = 'Flow_Join' + name + 'To' + name if False else 'Flow_Joined' + name
        # process XML: retarget flows
        for f in flows:
            text = re.sub(r'(<bpmn:sequenceFlow id="' + re.escape(f) + r'"[^>]*targetRef=")' + re.escape(node) + '"', r'\g<1>' + gid + '"', text)
            text = text.replace(f'<bpmn:incoming>{f}</bpmn:incoming>', '', 1)
        # node gets the new incoming: put it where the first old incoming was (now removed) -> insert after opening tag parts
        m = re.search(r'<bpmn:(\w+) id="' + re.escape(node) + r'"[^>]*?>', text)
        line_start = text.rfind('\n', 0, m.start()) + 1
        indent = text[line_start:m.start()]
        # remove empty lines left by removed incoming
        text = re.sub(r'\n[ \t]+\n', '\n', text)
        m = re.search(r'<bpmn:(\w+) id="' + re.escape(node) + r'"[^>]*?>', text)
        pos = m.end()
        while True:
            rest = text[pos:]
            mm = re.match(r'\s*<bpmn:(documentation|extensionElements)\b[^>]*?(/>|>)', rest)
            if not mm:
                break
            close = rest.find('</bpmn:' + mm.group(1) + '>') if mm.group(2) == '>' else mm.end() - len('</bpmn:' + mm.group(1) + '>')
            pos += close + len('</bpmn:' + mm.group(1) + '>')
        text = text[:pos] + f'\n{indent}  <bpmn:incoming>{fid}</bpmn:incoming>' + text[pos:]
        m = re.search(r'<bpmn:(\w+) id="' + re.escape(node) + r'"', text)
        gw_xml = (f'<bpmn:exclusiveGateway id="{gid}">\n' +
                  ''.join(f'{indent}  <bpmn:incoming>{f}</bpmn:incoming>\n' for f in flows) +
                  f'{indent}  <bpmn:outgoing>{fid}</bpmn:outgoing>\n{indent}</bpmn:exclusiveGateway>\n{indent}' +
                  f'<bpmn:sequenceFlow id="{fid}" sourceRef="{gid}" targetRef="{node}" />\n{indent}')
        text = text[:m.start()] + gw_xml + text[m.start():]
        # DI: gateway shape and new edge, rerouted incoming edges
        for f in flows:
            em = re.search(r'<bpmndi:BPMNEdge [^>]*bpmnElement="' + re.escape(f) + r'".*?</bpmndi:BPMNEdge>', text, flags=re.S)
            block = em.group(0)
            pts = [(float(a), float(b)) for a, b in re.findall(r'<di:waypoint x="([-\d.]+)" y="([-\d.]+)"', block)]
            (px, py), (lx, ly) = pts[-2], pts[-1]
            if abs(py - ly) < 1 and abs(ly - cy) < 1:          # along the centre line
                pts[-1] = (entry, cy)
            elif abs(px - lx) < 1 and (ly <= y + 1 or ly >= y + h - 1):   # from above or below
                end = (cx, cy - 25) if ly <= y + 1 else (cx, cy + 25)
                if len(pts) == 2:
                    my = (py + end[1]) / 2
                    pts = [pts[0], (px, my), (cx, my), end]
                else:
                    pts[-2] = (cx, py); pts[-1] = end
            elif abs(py - ly) < 1:                             # from the left, off the centre line
                pts[-1] = (cx, ly); pts.append((cx, cy - 25 if ly < cy else cy + 25))
            else:
                pts[-1] = (gx, cy)
            ind = re.search(r'\n(\s*)<di:waypoint', block).group(1)
            wp = ''.join(f'\n{ind}<di:waypoint x="{num(a)}" y="{num(b)}" />' for a, b in pts)
            newblock = re.sub(r'(\s*<di:waypoint [^>]*/>)+', wp, block, count=1)
            text = text.replace(block, newblock)
        sm = re.search(r'(\s*)<bpmndi:BPMNShape [^>]*bpmnElement="' + re.escape(node) + r'"', text)
        ind = sm.group(1)
        di = (f'{ind}<bpmndi:BPMNShape id="{gid}_di" bpmnElement="{gid}" isMarkerVisible="true">{ind}  <dc:Bounds x="{num(gx)}" y="{num(cy - 25)}" width="50" height="50" />{ind}</bpmndi:BPMNShape>'
              f'{ind}<bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{ind}  <di:waypoint x="{num(exit_)}" y="{num(cy)}" />{ind}  <di:waypoint x="{num(node_side)}" y="{num(cy)}" />{ind}</bpmndi:BPMNEdge>')
        text = text[:sm.start()] + di + text[sm.start():]
        print(path, node, '->', gid)
    open(path, 'w').write(re.sub(r'\n[ \t]*\n', '\n', text))

process(sys.argv[1], set(sys.argv[2:]))
