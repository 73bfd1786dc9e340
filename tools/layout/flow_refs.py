#!/usr/bin/env python3
"""Adds the <bpmn:incoming>/<bpmn:outgoing> references that Camunda Modeler writes and bpmnlint expects
(rules no-implicit-start, no-implicit-end, no-disconnected) to every flow node of a BPMN file that has none,
from its sequence flows. The file is edited as text: everything else stays as it is.

usage: python3 tools/layout/flow_refs.py processes/X.bpmn [...]
"""
import re, sys, xml.etree.ElementTree as ET
NS = '{http://www.omg.org/spec/BPMN/20100524/MODEL}'
for path in sys.argv[1:]:
    text = open(path).read()
    root = ET.fromstring(text.encode())
    inc, out = {}, {}
    for f in root.iter(NS + 'sequenceFlow'):
        out.setdefault(f.get('sourceRef'), []).append(f.get('id'))
        inc.setdefault(f.get('targetRef'), []).append(f.get('id'))
    # existing
    have = set()
    for el in root.iter():
        for c in el:
            if c.tag in (NS + 'incoming', NS + 'outgoing'):
                have.add(el.get('id'))
    nodes = set(inc) | set(out)
    for node in nodes:
        if node in have:
            continue
        m = re.search(r'<bpmn:(\w+) id="' + re.escape(node) + r'"[^>]*?(/?)>', text)
        if not m:
            print('not found', node); continue
        tag = m.group(1)
        # indentation
        line_start = text.rfind('\n', 0, m.start()) + 1
        indent = text[line_start:m.start()]
        child = indent + '  '
        lines = ''.join(f'{child}<bpmn:incoming>{i}</bpmn:incoming>\n' for i in inc.get(node, [])) + \
                ''.join(f'{child}<bpmn:outgoing>{o}</bpmn:outgoing>\n' for o in out.get(node, []))
        if m.group(2) == '/':
            opening = text[m.start():m.end()-2].rstrip() + '>'
            new = opening + '\n' + lines + indent + f'</bpmn:{tag}>'
            text = text[:m.start()] + new + text[m.end():]
        else:
            pos = m.end()
            # skip leading documentation / extensionElements blocks
            while True:
                rest = text[pos:]
                mm = re.match(r'\s*<bpmn:(documentation|extensionElements)\b[^>]*?(/>|>)', rest)
                if not mm:
                    break
                if mm.group(2) == '/>':
                    pos += mm.end(); continue
                close = rest.find('</bpmn:' + mm.group(1) + '>')
                pos += close + len('</bpmn:' + mm.group(1) + '>')
            text = text[:pos] + '\n' + lines.rstrip('\n') + text[pos:]
    open(path, 'w').write(text)
    print(path, 'ok')
