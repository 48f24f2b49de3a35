#!/usr/bin/env python3
"""Source-mutation check for the household cases (SocialSecurity.Modeling).

Flips one comparison operator (< <-> <=, > <-> >=) or one numeric literal (n -> n + 1) at a time in
src/SocialSecurity.Modeling/Programs/**/*.cs, rebuilds the test project and runs only the declarative case tests
(HouseholdCaseTests). A mutant is KILLED when a case fails, SURVIVES when all cases pass, and is INVALID when it
does not compile. Works in a throw-away copy of the committed tree (git archive), so the repository is never modified.

  mutate.py --list                      list the mutation sites
  mutate.py --sample 15 --seed 1        run a random sample of sites
  mutate.py --sites 12,40,77            run chosen sites
Options: --repo PATH (default: this repository), --work PATH (default: a temporary folder), --report FILE.
"""
import argparse, os, random, re, subprocess, sys, time

COMPARISON = re.compile(r'(?<=\s)(<=|>=|<|>)(?=\s)')
NUMBER = re.compile(r'(?<![\w.])(\d+(?:\.\d+)?)(?:[mMdD])?(?![\w.])')
FLIP = {'<': '<=', '<=': '<', '>': '>=', '>=': '>'}


def code_part(line):
    """The line with string literals blanked and comments removed (same length up to the comment)."""
    out, i, in_str, quote = [], 0, False, ''
    while i < len(line):
        c = line[i]
        if not in_str and line.startswith('//', i):
            break
        if not in_str and c in '"\'':
            in_str, quote = True, c
            out.append(' ')
        elif in_str and c == '\\':
            out.append('  ')
            i += 1
        elif in_str and c == quote:
            in_str = False
            out.append(' ')
        else:
            out.append(' ' if in_str else c)
        i += 1
    return ''.join(out)


def sites(repo):
    root = os.path.join(repo, 'src/SocialSecurity.Modeling/Programs')
    found = []
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith('.cs'):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, repo)
            for n, line in enumerate(open(path, encoding='utf-8').read().split('\n'), 1):
                code = code_part(line)
                stripped = code.strip()
                if not stripped or stripped.startswith(('[', 'using ', 'namespace ', '#')):
                    continue
                for m in COMPARISON.finditer(code):
                    found.append((rel, n, m.start(), m.group(1), FLIP[m.group(1)], 'comparison'))
                for m in NUMBER.finditer(code):
                    text = m.group(1)
                    if 'const string' in code or re.search(r'\[\s*' + re.escape(text) + r'\s*\]', code):
                        continue  # names and plain indexing
                    value = float(text) if '.' in text else int(text)
                    new = (f'{value + 1:.{len(text.split(".")[1])}f}' if '.' in text else str(value + 1))
                    found.append((rel, n, m.start(1), text, new, 'literal'))
    return sorted(found, key=lambda s: (s[0], s[1], s[2]))


def run(cmd, cwd, timeout):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout)
    return p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--repo', default=os.path.abspath(os.path.join(os.path.dirname(__file__), '..')))
    ap.add_argument('--work', default=os.path.join(__import__('tempfile').gettempdir(), 'ssm-mutation'))
    ap.add_argument('--list', action='store_true')
    ap.add_argument('--sample', type=int)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--sites')
    ap.add_argument('--report', default='mutation-report.txt')
    args = ap.parse_args()

    all_sites = sites(args.repo)
    if args.list:
        for i, (rel, n, col, old, new, kind) in enumerate(all_sites):
            print(f'{i:4d} {kind:10s} {rel}:{n}:{col + 1}  {old} -> {new}')
        print(f'{len(all_sites)} sites', file=sys.stderr)
        return
    if args.sites:
        chosen = [int(s) for s in args.sites.split(',')]
    else:
        chosen = sorted(random.Random(args.seed).sample(range(len(all_sites)), args.sample or 15))

    head = run(['git', 'rev-parse', 'HEAD'], args.repo, 60)[1].strip()
    # A plain copy of the committed tree (git archive), so that no git metadata of the repository is touched.
    os.makedirs(args.work, exist_ok=True)
    subprocess.run(f'git -C {args.repo} archive {head} | tar -x -C {args.work}', shell=True, check=True)
    build = ['dotnet', 'build', 'tests/SocialSecurity.Modeling.Tests', '-c', 'Release', '-nologo', '-v', 'q', '-p:TreatWarningsAsErrors=false']
    test = ['dotnet', 'test', 'tests/SocialSecurity.Modeling.Tests', '-c', 'Release', '--no-build', '--filter', 'FullyQualifiedName~Cases.HouseholdCaseTests']
    code, out = run(build, args.work, 3600)
    if code != 0:
        sys.exit('baseline build failed:\n' + out[-3000:])
    code, out = run(test, args.work, 3600)
    if code != 0:
        sys.exit('baseline case tests fail:\n' + out[-3000:])

    results = []
    with open(args.report, 'w', encoding='utf-8') as report:
        report.write(f'mutation check of {head[:10]}: {len(chosen)} of {len(all_sites)} sites\n')
        for i in chosen:
            rel, n, col, old, new, kind = all_sites[i]
            path = os.path.join(args.work, rel)
            original = open(path, encoding='utf-8').read()
            lines = original.split('\n')
            line = lines[n - 1]
            assert line[col:col + len(old)] == old, (rel, n, col, old)
            lines[n - 1] = line[:col] + new + line[col + len(old):]
            open(path, 'w', encoding='utf-8').write('\n'.join(lines))
            started = time.time()
            try:
                code, out = run(build, args.work, 3600)
                if code != 0:
                    outcome, detail = 'INVALID', 'does not compile'
                else:
                    code, out = run(test, args.work, 3600)
                    failed = re.findall(r"file: \"([^\"]+)\"", out)
                    outcome = 'KILLED' if code != 0 else 'SURVIVED'
                    detail = f'{len(set(failed))} failing case(s), e.g. {sorted(set(failed))[0]}' if failed else ''
            finally:
                open(path, 'w', encoding='utf-8').write(original)
            entry = f'#{i:<4d} {outcome:8s} {rel}:{n}  {kind} {old} -> {new}   | {line.strip()[:110]}   {detail} ({time.time() - started:.0f}s)'
            print(entry, flush=True)
            report.write(entry + '\n')
            report.flush()
            results.append(outcome)
        summary = (f'killed {results.count("KILLED")}, survived {results.count("SURVIVED")}, invalid {results.count("INVALID")} '
                   f'of {len(results)} mutants')
        print(summary)
        report.write(summary + '\n')
    run(build, args.work, 3600)  # leave the throw-away worktree built from unmodified sources


if __name__ == '__main__':
    main()
