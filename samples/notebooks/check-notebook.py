#!/usr/bin/env python3
"""Checks one notebook and its executed copy (written by dotnet-repl).

Usage: check-notebook.py SOURCE.ipynb EXECUTED.ipynb
Fails (exit 1) when the source loads the library from a build path (`#r "<path>"` or a .dll) instead of the package,
when the executed copy is missing or has an error output, or when a cell that draws a chart (calls Show(...)) has no
image/png output. Prints the numbers of image outputs and HTML tables.
"""
import json
import re
import sys

source_path, executed_path = sys.argv[1], sys.argv[2]
name = source_path.rsplit("/", 1)[-1]
problems = []


def text(cell):
    return "".join(cell.get("source", []))


source = json.load(open(source_path, encoding="utf-8"))
for cell in source["cells"]:
    if cell["cell_type"] != "code":
        continue
    for line in text(cell).splitlines():
        stripped = line.strip()
        if re.match(r'#r\s+"(?!nuget:)', stripped) or (stripped.startswith("#r") and ".dll" in stripped):
            problems.append(f"loads the library from a build path, not the package: {stripped}")

try:
    executed = json.load(open(executed_path, encoding="utf-8"))
except (OSError, ValueError) as error:
    executed = None
    problems.append(f"no executed copy: {error}")

images = tables = 0
if executed is not None:
    for index, cell in enumerate(executed["cells"]):
        if cell["cell_type"] != "code":
            continue
        cell_images = 0
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"cell {index + 1} failed: {output.get('ename', '')}: {output.get('evalue', '')[:600]}")
            data = output.get("data", {})
            if "image/png" in data:
                cell_images += 1
            html = data.get("text/html")
            if html is not None:
                tables += len(re.findall(r"<table", "".join(html) if isinstance(html, list) else html))
        images += cell_images
        if re.search(r"^\s*Show\(", text(cell), re.M) and cell_images == 0:
            problems.append(f"cell {index + 1} draws a chart but has no image output")
    if images == 0:
        problems.append("no chart (image/png output)")

print(f"{name}: {images} image(s), {tables} HTML table(s)")
for problem in problems:
    print(f"FAILED: {name}: {problem}")
sys.exit(1 if problems else 0)
