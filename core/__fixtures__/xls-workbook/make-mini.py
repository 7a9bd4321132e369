"""Writes mini.xls by hand: a workbook stream small enough (under 4096 bytes) to live in the compound file's mini
stream, with a chart sheet beside the worksheets, a string formula, RK/NUMBER/BOOLERR cells; and what xlrd 1.2.0
reads from it (mini.xlrd.json).

    /usr/bin/python3 make-mini.py      # Debian's python3-xlrd
"""
import json, struct, xlrd

rec = lambda t, data: struct.pack('<HH', t, len(data)) + data
short_str = lambda s, wide=False: struct.pack('<BB', len(s), 1 if wide else 0) + (s.encode('utf-16-le') if wide else s.encode('latin-1'))
long_str = lambda s, wide=False: struct.pack('<HB', len(s), 1 if wide else 0) + (s.encode('utf-16-le') if wide else s.encode('latin-1'))
bof = lambda dt: rec(0x0809, struct.pack('<HHHHII', 0x0600, dt, 0x0DBB, 0x07CC, 0, 0x0206))
EOF_ = rec(0x000A, b'')
xf = rec(0x00E0, struct.pack('<HHHBBBBIIH', 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))  # one cell XF, "General"

def sheet(cells):
    return bof(0x0010) + rec(0x0200, struct.pack('<IIHHH', 0, 4, 0, 3, 0)) + b''.join(cells) + EOF_

sheets = [
    ('Données', True, 0, sheet([
        rec(0x00FD, struct.pack('<HHHI', 0, 0, 0, 0)),
        rec(0x00FD, struct.pack('<HHHI', 0, 2, 0, 1)),
        rec(0x0203, struct.pack('<HHHd', 1, 1, 0, 2.5)),
        rec(0x027E, struct.pack('<HHHI', 2, 0, 0, (7 << 2) | 2)),
        rec(0x027E, struct.pack('<HHHI', 2, 2, 0, (-1234 << 2 & 0xFFFFFFFF) | 3)),  # -12.34
        rec(0x0205, struct.pack('<HHHBB', 2, 1, 0, 1, 0)),
        rec(0x0205, struct.pack('<HHHBB', 3, 1, 0, 0x07, 1)),  # #DIV/0!
        rec(0x00BD, struct.pack('<HH', 3, 2) + struct.pack('<HI', 0, (5 << 2) | 2) + struct.pack('<HI', 0, (6 << 2) | 2) + struct.pack('<H', 3)),
        rec(0x0006, struct.pack('<HHH', 1, 0, 0) + bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) + struct.pack('<HI', 0, 0) + b''),
        rec(0x0207, long_str('from a formula')),
        rec(0x0204, struct.pack('<HHH', 1, 2, 0) + long_str('Ω label', True)),
    ])),
    ('Chart', False, 2, bof(0x0020) + EOF_),
    ('Second', False, 0, sheet([rec(0x00FD, struct.pack('<HHHI', 0, 0, 0, 1))])),
]
sst = rec(0x00FC, struct.pack('<II', 2, 2) + long_str('Text') + long_str('Gender ✓', True))

def globals_(offsets):
    boundsheets = b''.join(rec(0x0085, struct.pack('<IBB', off, 0, dt) + short_str(name, wide)) for (name, wide, dt, _), off in zip(sheets, offsets))
    return bof(0x0005) + xf * 16 + boundsheets + sst + EOF_

offsets = [0] * len(sheets)
g = globals_(offsets)
pos = len(g)
for i, s in enumerate(sheets):
    offsets[i] = pos
    pos += len(s[3])
workbook = globals_(offsets) + b''.join(s[3] for s in sheets)
assert len(workbook) < 4096, len(workbook)

# Compound file: 512-byte sectors; sector 0 FAT, 1 directory, 2 mini FAT, 3.. mini stream (64-byte mini sectors).
SEC, MINI = 512, 64
nmini = (len(workbook) + MINI - 1) // MINI
ministream = workbook.ljust(nmini * MINI, b'\0')
nms = (len(ministream) + SEC - 1) // SEC
END, FREE, FATSECT = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
fat = [FATSECT, END, END] + [3 + i + 1 for i in range(nms - 1)] + [END]
fat += [FREE] * (SEC // 4 - len(fat))
minifat = [i + 1 for i in range(nmini - 1)] + [END]
minifat += [FREE] * (SEC // 4 - len(minifat))

def dirent(name, typ, start, size, child=FREE):
    n = name.encode('utf-16-le') + b'\0\0'
    return n.ljust(64, b'\0') + struct.pack('<HBB', len(n), typ, 1) + struct.pack('<III', FREE, FREE, child) + b'\0' * 16 + b'\0' * 4 + b'\0' * 16 + struct.pack('<III', start, size, 0)

directory = dirent('Root Entry', 5, 3, len(ministream), child=1) + dirent('Workbook', 2, 0, len(workbook))
directory = directory.ljust(SEC, b'\0')
header = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + b'\0' * 16 + struct.pack('<HHHHH', 0x3E, 3, 0xFFFE, 9, 6)
header += b'\0' * 6 + struct.pack('<IIIIIIIII', 0, 1, 1, 0, 4096, 2, 1, END, 0)
header += struct.pack('<I', 0) + struct.pack('<I', FREE) * 108
assert len(header) == 512, len(header)
data = header + struct.pack('<%dI' % (SEC // 4), *fat) + directory + struct.pack('<%dI' % (SEC // 4), *minifat) + ministream.ljust(nms * SEC, b'\0')
open('mini.xls', 'wb').write(data)

def cell(value, ctype):
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ''
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if ctype == xlrd.XL_CELL_ERROR:
        return None
    return value

book = xlrd.open_workbook('mini.xls')
out = [{"name": sh.name, "rows": [[cell(v, t) for v, t in zip(sh.row_values(r), sh.row_types(r))] for r in range(sh.nrows)]} for sh in book.sheets()]
with open('mini.xlrd.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False)
    f.write('\n')
print(out)
