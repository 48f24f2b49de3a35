#!/usr/bin/env python3
"""Turns the README's code into one consumer program: every ```csharp block in order (using directives hoisted and
deduplicated), then a check that every ```json block holding a reform ("changes") parses with Reform.Parse.
Usage: readme_program.py README.md > Program.cs"""
import json, re, sys

text = open(sys.argv[1], encoding="utf-8").read()
blocks = re.findall(r"^```(\w+)\n(.*?)^```", text, re.S | re.M)
usings, body = [], []
for lang, code in blocks:
    if lang != "csharp":
        continue
    for line in code.splitlines():
        if line.startswith("using ") and line.endswith(";"):
            if line not in usings:
                usings.append(line)
        else:
            body.append(line)
reforms = [code for lang, code in blocks if lang == "json" and '"changes"' in code]
if "using SocialSecurity.Modeling.Reforms;" not in usings and reforms:
    usings.append("using SocialSecurity.Modeling.Reforms;")
print("\n".join(usings))
print("\n".join(body))
for i, code in enumerate(reforms):
    json.loads(code)  # the JSON itself must be valid
    literal = code.replace('"', '""')
    print(f'var readmeReform{i} = Reform.Parse(@"{literal}", "README.md json block {i + 1}");')
    print(f'Console.WriteLine($"README reform parsed: {{readmeReform{i}.Name}}");')
print('Console.WriteLine("README snippets ran.");')
