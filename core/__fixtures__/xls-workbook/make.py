"""Writes the .xls fixtures with xlwt 1.3.0 and what xlrd 1.2.0 reads from them (xlrd's defaults, as pandas opens them).

    /usr/bin/python3 make.py      # Debian's python3-xlwt and python3-xlrd
"""
import json, xlrd, xlwt

def write_books():
    wb = xlwt.Workbook(encoding='utf-8')
    s = wb.add_sheet('People')
    s.write(0, 0, 'Text'); s.write(0, 1, 'Count'); s.write(0, 2, 'Gender'); s.write(0, 3, 'Ünïcode ✓')
    s.write(1, 0, 'S1A-001'); s.write(1, 1, 7); s.write(1, 2, 'M'); s.write(1, 3, 'Ελληνικά 😀')
    s.write(2, 0, 'S1A-002'); s.write(2, 1, -3.25); s.write(2, 2, 'f')
    s.write(3, 0, 'W2A-010'); s.write(3, 1, 123456789.5); s.write(3, 2, True)
    s.write(4, 1, 0.01); s.write(4, 2, 1e100)
    s.write(6, 5, '', xlwt.easyxf('font: bold on'))  # a blank cell with a style: no value, so no extra column
    s.write(7, 0, 'S2B-020', xlwt.easyxf('font: italic on')); s.write(7, 4, 'far')
    s.write(8, 0, 'NA'); s.write(8, 2, 42)
    s2 = wb.add_sheet('Second')
    s2.write(0, 0, 'only header')
    s3 = wb.add_sheet('Empty')
    s4 = wb.add_sheet('Many strings')
    # enough distinct strings (some wide) for the shared string table to go on in CONTINUE records
    for i in range(400):
        s4.write(i // 4, i % 4, ('é' if i % 3 == 0 else '') + f'string number {i} ' + ('ŵ' * (i % 7)) + 'x' * (i % 13))
    s4.write(100, 0, 'L' * 9000)  # one string longer than a record
    s4.write(101, 0, 'ŵ' * 5000)  # a wide one too
    wb.save('book.xls')

def cell(value, ctype):
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ''
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if ctype == xlrd.XL_CELL_ERROR:
        return None
    return value

write_books()
book = xlrd.open_workbook('book.xls')
out = [{"name": sh.name, "rows": [[cell(v, t) for v, t in zip(sh.row_values(r), sh.row_types(r))] for r in range(sh.nrows)]} for sh in book.sheets()]
with open('book.xlrd.json', 'w') as f:
    json.dump(out, f, ensure_ascii=False)
    f.write('\n')
