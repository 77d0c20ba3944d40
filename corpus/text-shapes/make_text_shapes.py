#!/usr/bin/env python3
"""Makes the text-shape fixtures of the golden corpus (issue 10): the same reports as text whose grid was lost.

Run from the project root:  python3 corpus/text-shapes/make_text_shapes.py
Needs poppler-utils (pdftotext) for the pdftotext shapes. Writes corpus/documents/text-*.txt and, for each, a NOTE.md
under corpus/expected/<name>/; the CSV files there are then written by GoldenCorpusTest with -Dgolden.update=true
and checked against the source document's truth by TextShapesTest (which also names each fixture's source).

Shapes:
  pdftotext, pdftotext -layout   poppler's text of a corpus PDF, as a user would run it
  tika                           Tika's text (AutoDetectParser + BodyContentHandler) of a corpus HTML and DOCX, made
                                 with TikaText.java beside this script when TIKA_CP names a classpath holding Tika
                                 (`mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt`; TIKA_CP=$(cat cp.txt))
  glued                          every table row's numbers glued into one digit run after its label, the whole body
                                 one line; the prose states table 二's counts (as real reports do)
  md-*                           markdown as PDF-to-markdown converters write it: tables split per row group,
                                 generic headers (数据1…), labels on their own line with a label-less row after,
                                 a leading group-label cell, trailing empty cells
"""
import csv
import os
import re
import subprocess

ROOT = os.getcwd()
DOCS = os.path.join(ROOT, "corpus", "documents")
EXPECTED = os.path.join(ROOT, "corpus", "expected")


def template(path="mappings/2021.map"):
    """(table, block caption, [columns], [(row key, label, group label)]) from the mapping file."""
    tables = []
    table = None
    block = None
    group = None
    for raw in open(path, encoding="utf-8"):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        ind = len(line) - len(line.lstrip())
        s = line.strip()
        if s.startswith("table "):
            table = {"id": s.split()[1], "blocks": []}
            tables.append(table)
            block = {"caption": "", "columns": [], "rows": []}
            table["blocks"].append(block)
            group = None
        elif s.startswith("identity "):
            table = None
        elif table is None:
            continue
        elif s.startswith("block "):
            block = {"caption": s.split(":", 1)[1].strip(), "columns": [], "rows": []}
            if not table["blocks"][-1]["columns"]:
                table["blocks"].pop()
            table["blocks"].append(block)
        elif s.startswith("column "):
            key, label = s[len("column "):].split(":", 1)
            block["columns"].append((key.strip(), label.split("|")[0].strip()))
        elif s.startswith("group "):
            key, label = s[len("group "):].split(":", 1)
            group = (key.strip(), label.split("|")[0].strip())
        elif s.startswith("row "):
            key, label = s[len("row "):].split(":", 1)
            g = group if ind >= 4 else None
            if ind < 4:
                group = None
            full = (g[0] + "." + key.strip()) if g else key.strip()
            block["rows"].append((full, label.split("|")[0].strip(), g[1] if g else ""))
    return tables


def truth(name):
    with open(os.path.join(EXPECTED, name, "cells.csv"), encoding="utf-8") as f:
        return {r["key"]: r["value"] for r in csv.DictReader(f)}


def key(table, row, col):
    return ".".join(p for p in (table, row, col) if p)


HEAD = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
        "t4": "四、政府信息公开行政复议、行政诉讼情况"}


def glued(src, title):
    t = truth(src)
    parts = [title, "本报告中所列数据统计期限为2022年1月1日至2022年12月31日。",
             "一、总体情况 全年制发规章%s件，现行有效规章%s件；本年度制发行政规范性文件%s件，现行有效行政规范性文件%s件。" % (
                 t["t2.regulation.issued"], t["t2.regulation.in_force"], t["t2.normative_doc.issued"],
                 t["t2.normative_doc.in_force"])]
    for tab in template():
        parts.append(HEAD[tab["id"]])
        for b in tab["blocks"]:
            if b["caption"]:
                parts.append(b["caption"] + " 信息内容 " + " ".join(c[1] for c in b["columns"]))
            if not b["rows"]:
                parts.append("行政复议 行政诉讼 " + " ".join(c[1].split(">")[-1].strip() for c in b["columns"]) + " "
                             + "".join(t[key(tab["id"], "", c[0])] for c in b["columns"]))
                continue
            if tab["id"] == "t3":
                parts.append("申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计")
            group = None
            for rk, label, glabel in b["rows"]:
                if glabel and glabel != group:
                    parts.append(glabel)
                group = glabel
                parts.append(label + "".join(t[key(tab["id"], rk, c[0])] for c in b["columns"]))
    parts.append("五、存在的主要问题及改进情况 下一年度将继续改进。")
    # one line, rows glued to the next label as in corpus-glued/pingtan-2022-flat.txt
    return "".join(p if p[-1:].isdigit() else p + " " for p in parts) + "\n"


def markdown(src, title, variant):
    t = truth(src)
    out = [title, "", "本报告中所列数据统计期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。", ""]
    for tab in template():
        out.append(HEAD[tab["id"]])
        for b in tab["blocks"]:
            cols = b["columns"]
            width = len(cols) + 1
            if b["caption"]:
                out.append(b["caption"])
            header = ["信息内容" if b["rows"] else "行政复议"] + [c[1].split(">")[-1].strip() for c in cols]
            if variant == "generic":
                header = ["项目"] + ["数据%d" % (i + 1) for i in range(len(cols))]
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * width)
            if not b["rows"]:
                out.append("| " + " | ".join(t[key(tab["id"], "", c[0])] for c in cols) + " |")
                out.append("")
                continue
            group = None
            for i, (rk, label, glabel) in enumerate(b["rows"]):
                nums = [t[key(tab["id"], rk, c[0])] for c in cols]
                new_group = glabel and glabel != group
                group = glabel
                if variant == "split" and (new_group or i == 0):
                    out.append("")
                    out.append("## 表%s：%s" % (HEAD[tab["id"]][0], HEAD[tab["id"]][2:]))
                    out.append("| " + " | ".join(header) + " |")
                    out.append("|" + "---|" * width)
                if variant == "ownline" and i % 3 == 1:
                    out.append("")
                    out.append(label)
                    out.append("| " + " | ".join(nums) + " |")
                    out.append("|" + "---|" * len(nums))
                    continue
                if variant == "groupcell" and glabel:
                    cut = len(glabel) // 2 + 1
                    lead = glabel[:cut] if new_group else glabel[cut:]
                    out.append("| " + lead + " | " + label + " | " + " | ".join(nums) + " |")
                    continue
                trail = " |  |" if variant == "trailing" and i % 2 == 0 else " |"
                out.append("| " + label + " | " + " | ".join(nums) + trail)
            out.append("")
    out.append("五、存在的主要问题及改进情况")
    out.append("下一年度将继续改进。")
    return "\n".join(out) + "\n"


NOTE = """# {name}.txt

{what}

- Source: `{src}` (its truth, `corpus/expected/{src}/cells.csv`, is what `TextShapesTest` checks this output
  against: no unflagged cell may differ from it).
- Made by `corpus/text-shapes/make_text_shapes.py`{how}.
- Expected files written by `GoldenCorpusTest -Dgolden.update=true` and reviewed against the source's truth.
"""


def write(name, text, src, what, how=""):
    with open(os.path.join(DOCS, name + ".txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    d = os.path.join(EXPECTED, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "NOTE.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(NOTE.format(name=name, src=src, what=what, how=how))


def main():
    for pdf in ("pdf-2021-split", "pdf-2019-split-header", "pdf-2021-borderless4", "pdf-s14-2017"):
        for flag, shape in (([], "pdftotext"), (["-layout"], "pdftotext-layout")):
            text = subprocess.run(["pdftotext", *flag, os.path.join(DOCS, pdf + ".pdf"), "-"], check=True,
                                  capture_output=True).stdout.decode("utf-8")
            write("text-%s-%s" % (shape, pdf[4:]), text, pdf,
                  "Poppler's `pdftotext %s` of `%s.pdf`: the table grid is gone, cells are lines or runs of spaces."
                  % (" ".join(flag), pdf), " (runs `pdftotext %s`)" % " ".join(flag + ["FILE.pdf", "-"]))
    if os.environ.get("TIKA_CP"):
        here = os.path.dirname(os.path.abspath(__file__))
        for src, ext in (("html-2021-plain-clean", "html"), ("docx-2021-quirks", "docx"), ("html-s14-2016-fault", "html"),
                         ("docx-lg-2015-fujian", "docx")):
            name = "text-tika-" + src
            subprocess.run(["java", "-cp", os.environ["TIKA_CP"], os.path.join(here, "TikaText.java"),
                            os.path.join(DOCS, src + "." + ext), os.path.join(DOCS, name + ".txt")], check=True)
            with open(os.path.join(DOCS, name + ".txt"), encoding="utf-8") as f:
                text = f.read()
            write(name, text, src, "Tika's text of `%s.%s`: each cell a line starting with a TAB, rows between "
                  "empty lines (the seed's shape)." % (src, ext), " (runs `TikaText.java`)")
    src = "html-2021-plain-clean"
    title = "云溪县人民政府2022年政府信息公开工作年度报告"
    write("text-glued-2021", glued(src, title), src,
          "A text dump whose table rows are glued into digit runs after their labels, the whole body on one line "
          "(the shape of `corpus/real/corpus-glued/pingtan-2022-flat.txt`); the prose states table 二's counts.")
    for variant, what in (("split", "tables split into one small table per row group, each under a repeated caption"),
                          ("generic", "generic headers (数据1…数据7) instead of the column labels"),
                          ("ownline", "every third label on its own line, its numbers in a label-less row after it"),
                          ("groupcell", "group labels cut in two as an extra leading cell (（三）不 / 予公开)"),
                          ("trailing", "every other row ending in an extra empty cell")):
        write("text-md-%s-2021" % variant, markdown(src, title, variant), src,
              "Markdown as a PDF-to-markdown converter writes it: " + what + ".")


if __name__ == "__main__":
    main()
