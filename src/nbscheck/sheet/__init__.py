"""Self-assessments as spreadsheets: the .xlsx template, reading a workbook as a submission, converting.

``layout`` names the sheets and columns in both languages (shared by writer and reader), ``write``
builds a workbook from a guideline and optional answers, ``read`` turns a workbook back into the
same plain data a YAML submission gives, with a position (sheet and cell) for every value, and
``convert`` goes between the two formats. openpyxl is an optional extra (``nbscheck[xlsx]``), imported
only when a workbook is actually read or written.
"""
