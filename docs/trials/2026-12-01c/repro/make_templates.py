"""Officer's own Word templates from templates/baocao.docx (python-docx).

make_templates.py BAOCAO.docx OUTDIR -> own.docx (a line added), typo.docx (a misspelt
variable), broken.docx (an unclosed tag).
"""

import sys
from pathlib import Path

import docx

CHANGES = {
    "typo.docx": ("{{ budget.state_line }}", "{{ budget.stat_line }}"),
    "broken.docx": ("{{ closing }}", "{{ closing }"),
}


def edit(source, target, old, new):
    document = docx.Document(source)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if old in run.text:
                run.text = run.text.replace(old, new)
    document.save(target)


def main(source, out):
    out = Path(out)
    document = docx.Document(source)
    document.paragraphs[0].insert_paragraph_before("Mẫu riêng của Phòng BTXH")
    document.save(out / "own.docx")
    for name, (old, new) in CHANGES.items():
        edit(source, out / name, old, new)


if __name__ == "__main__":
    main(*sys.argv[1:3])
