#!/usr/bin/env python3
# The first pass's own instructions by call edge: for each edge from our code (Maqal, MaqalCLI) into the
# runtime or the standard library, 2 x (the run over the pages once) - (the run over them twice), largest first.
# usage: callgrind_firstonly.py once.callgrind.out twice.callgrind.out [rows]
import sys, re, collections, subprocess
def load(path):
    names = {}; edges = collections.defaultdict(int); fn = cfn = None; pending = False
    def name(s):
        m = re.match(r'\((\d+)\)(?: (.*))?', s)
        if m:
            i, n = m.group(1), m.group(2)
            if n: names[i] = n
            return names.get(i, i)
        return s
    for line in open(path, errors='replace'):
        if line.startswith('fn='): fn = name(line[3:].strip()); continue
        if line.startswith('cfn='): cfn = name(line[4:].strip()); continue
        if line.startswith('calls='): pending = True; continue
        if pending:
            p = line.split()
            if len(p) >= 2: edges[(fn, cfn)] += int(p[1])
            pending = False
    return edges
once = load(sys.argv[1]); twice = load(sys.argv[2])
def ours(n): return '5Maqal' in n or '8MaqalCLI' in n
rows = []
for k, v in once.items():
    a, b = k
    if ours(a) and not ours(b):
        d = 2 * v - twice.get(k, 0)
        rows.append((d, a, b))
rows.sort(reverse=True)
for d, a, b in rows[:int(sys.argv[3])]:
    da = subprocess.run(['swift', 'demangle', '--compact', '--simplified', a], capture_output=True, text=True).stdout.strip()
    db = subprocess.run(['swift', 'demangle', '--compact', '--simplified', b], capture_output=True, text=True).stdout.strip()
    print(f"{d:>10,}  {da[:100]}  ->  {db[:60]}")
