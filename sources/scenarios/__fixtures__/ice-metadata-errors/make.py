"""Hong Kong metadata workbooks HELM fails on (xlwt 1.3.0): a text code that is a number, and a sheet too narrow for
the gender column (16).   /usr/bin/python3 make.py"""
import os, xlwt
for folder, rows in [("numeric-code", [{0: "Text", 16: "Sex"}, {0: "S1A-010", 16: "M"}, {0: 12, 16: "M"}]),
                     ("narrow", [{0: "Text", 2: "Sex"}, {2: "M"}, {0: "S1A-010", 2: "M"}])]:
    wb = xlwt.Workbook(encoding="utf-8")
    sheet = wb.add_sheet("Records")
    for r, row in enumerate(rows):
        for c, v in row.items():
            sheet.write(r, c, v)
    os.makedirs(os.path.join(folder, "Headers"), exist_ok=True)
    wb.save(os.path.join(folder, "Headers", "HKRecords.xls"))
