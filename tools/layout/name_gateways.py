#!/usr/bin/env python3
"""Gives gateways a name and a label in the diagram (a BPMNLabel in their shape, added when missing), e.g. the
joining gateways that explicit_joins.py inserts. Place the labels afterwards with gateway_labels.py.

usage: python3 tools/layout/name_gateways.py processes/X.bpmn Gateway_A "Name of A" [Gateway_B "Name of B" ...]
"""
import re, sys
from xml.sax.saxutils import quoteattr
path, args = sys.argv[1], sys.argv[2:]
t = open(path).read()
for gid, name in zip(args[0::2], args[1::2]):
    m = re.search(r'<bpmn:(\w*[gG]ateway) id="' + re.escape(gid) + r'"([^>]*?)(/?)>', t)
    if not m:
        sys.exit(f'{path}: no gateway {gid}')
    attrs = re.sub(r'\s+name="[^"]*"', '', m.group(2))
    t = t[:m.start()] + f'<bpmn:{m.group(1)} id="{gid}" name={quoteattr(name)}{attrs}{m.group(3)}>' + t[m.end():]
    s = re.search(r'<bpmndi:BPMNShape [^>]*bpmnElement="' + re.escape(gid) + r'".*?</bpmndi:BPMNShape>', t, re.S)
    block = s.group(0)
    if '<bpmndi:BPMNLabel' not in block:
        b = re.search(r'(\s*)<dc:Bounds x="([-\d.]+)" y="([-\d.]+)"[^>]*/>', block)
        ind = b.group(1)
        x, y = float(b.group(2)), float(b.group(3))
        label = f'{ind}<bpmndi:BPMNLabel>{ind}  <dc:Bounds x="{int(x - 25)}" y="{int(y - 20)}" width="100" height="14" />{ind}</bpmndi:BPMNLabel>'
        t = t.replace(block, block[:b.end()] + label + block[b.end():])
    print(path, gid, '=', name)
open(path, 'w').write(t)
