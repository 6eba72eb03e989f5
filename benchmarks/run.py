"""detente's one-machine benchmark: throughput, memory and how linking scales, as ratios measured
in one run (see benchmarks/README.md).

    .venv/bin/python benchmarks/run.py                  # the full benchmark (83 minutes on 2 cores today)
    .venv/bin/python benchmarks/run.py --small          # a quick pass at a tenth of the sizes

Each measured stage runs in a fresh process (``--stage``), so the stages' memory does not mix; a
sampler thread reads the resident memory of the process and its workers every 0.1 s. Results go to
``benchmarks/results/latest.json`` and ``latest.md``; timings are never asserted by tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLES = ROOT / "examples"
GAZETTEER = EXAMPLES / "gazetteer.json"
sys.path.insert(0, str(HERE))

SIZES = {"articles": (500, 5000), "records": (10_000, 100_000)}
SMALL = {"articles": (100, 400), "records": (2_000, 8_000)}
PARTS = ("ingest", "records")
TARGETS = {
    "full_vs_bare_1_worker": (">=", 0.6),
    "full_vs_bare_2_workers": (">=", 0.6),
    "two_workers_vs_one": (">=", 1.7),
    "peak_rss_large_vs_small": ("<=", 1.2),
    "link_ms_per_doc_large_vs_small": ("<=", 2.0),
}


# ---------------------------------------------------------------- memory


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (Linux /proc)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            with open(f"/proc/{current}/task/{current}/children", encoding="ascii") as handle:
                stack.extend(int(p) for p in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


@contextmanager
def peak_memory() -> Iterator[dict[str, int]]:
    """Sample this process tree's resident memory every 0.1 s; ``peak_rss_mb`` when done."""
    found = {"peak_kb": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            found["peak_kb"] = max(found["peak_kb"], _tree_rss_kb(os.getpid()))
            stop.wait(0.1)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        stop.set()
        thread.join()
        found["peak_kb"] = max(found["peak_kb"], _tree_rss_kb(os.getpid()))


# ---------------------------------------------------------------- stages (each in its own process)


def _texts(corpus: Path) -> list[str]:
    return [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]


def stage_bare(corpus: str, processes: int) -> dict[str, Any]:
    """A bare spaCy pass: ``nlp.pipe`` over the texts, nothing else (model load not timed)."""
    from detente.nlp import BATCH_SIZE, load_nlp

    texts = _texts(Path(corpus))
    nlp = load_nlp()
    with peak_memory() as memory:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
            pass
        seconds = time.perf_counter() - started
    return {"docs": len(texts), "words": sum(len(t.split()) for t in texts), "seconds": seconds,
            "peak_rss_mb": memory["peak_kb"] / 1024}


def stage_ingest(corpus: str, workers: int, db: str) -> dict[str, Any]:
    """The full pipeline: ``detente.ingest`` (read, parse, extract, store, link); model load not timed."""
    import detente.api as api
    from detente.nlp import load_nlp
    from detente.store import open_store

    texts = _texts(Path(corpus))
    nlp = load_nlp()
    link_seconds = [0.0]
    link_pending = api.link_pending

    def timed_link(store: Any) -> int:
        started = time.perf_counter()
        try:
            return link_pending(store)
        finally:
            link_seconds[0] += time.perf_counter() - started

    api.link_pending = timed_link  # type: ignore[assignment]
    with peak_memory() as memory, open_store(db) as store:
        started = time.perf_counter()
        report = api.ingest([corpus], store, nlp=nlp, workers=workers, gazetteer=[GAZETTEER])
        seconds = time.perf_counter() - started
        counts = store.counts()
    return {"docs": report.new, "failed": report.failed, "words": sum(len(t.split()) for t in texts),
            "seconds": seconds, "link_seconds": link_seconds[0], "peak_rss_mb": memory["peak_kb"] / 1024,
            "store_bytes_per_doc": _db_bytes(db) / max(report.new, 1), "records": counts}


def stage_store(templates_db: str, count: int, db: str, seed: int) -> dict[str, Any]:
    """Generated records (no NLP) written with ``Store.add_results``; generation not timed."""
    from synthetic import Archive, templates_from_store

    from detente.store import open_store

    with open_store(templates_db) as source:
        templates = templates_from_store(source)
    archive = Archive(templates, seed)
    stored = 0.0
    batch = []
    with peak_memory() as memory, open_store(db) as store:
        for result in archive.documents(count):
            batch.append(result)
            if len(batch) == 64:
                stored += _timed(lambda: store.add_results(batch))
                batch = []
        stored += _timed(lambda: store.add_results(batch))
        counts = store.counts()
    return {"docs": count, "seconds": stored, "ms_per_doc": stored / count * 1000, "peak_rss_mb": memory["peak_kb"] / 1024,
            "store_bytes_per_doc": _db_bytes(db) / count, "records": counts}


def stage_link(db: str) -> dict[str, Any]:
    """Cross-document linking of every stored document (``link_pending``)."""
    from detente.link import link_pending
    from detente.store import open_store

    with peak_memory() as memory, open_store(db) as store:
        started, cpu = time.perf_counter(), time.process_time()
        docs = link_pending(store)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        counts = store.counts()
    return {"docs": docs, "seconds": seconds, "ms_per_doc": seconds / docs * 1000, "cpu_ms_per_doc": cpu / docs * 1000,
            "peak_rss_mb": memory["peak_kb"] / 1024, "store_bytes_per_doc": _db_bytes(db) / docs, "records": counts}


def stage_export(db: str, out: str) -> dict[str, Any]:
    """Every record type as JSON Lines, GDELT-style TSV and Parquet."""
    import detente.api as api
    from detente.store import open_store

    with peak_memory() as memory, open_store(db) as store:
        started = time.perf_counter()
        files = api.export(store, out, ("jsonl", "tsv", "parquet"))
        seconds = time.perf_counter() - started
        docs = store.counts()["documents"]
    size = sum(f.stat().st_size for f in files)
    shutil.rmtree(out, ignore_errors=True)
    return {"docs": docs, "seconds": seconds, "ms_per_doc": seconds / docs * 1000, "peak_rss_mb": memory["peak_kb"] / 1024,
            "export_bytes_per_doc": size / docs}


STAGES: dict[str, Callable[..., dict[str, Any]]] = {
    "bare": stage_bare, "ingest": stage_ingest, "store": stage_store, "link": stage_link, "export": stage_export,
}


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _db_bytes(db: str) -> int:
    return sum(Path(db + suffix).stat().st_size for suffix in ("", "-wal") if Path(db + suffix).exists())


# ---------------------------------------------------------------- the run


def run_stage(name: str, **kwargs: Any) -> dict[str, Any]:
    """Run one stage in a fresh interpreter and return what it measured (a store it writes starts empty)."""
    if name in ("ingest", "store"):
        for suffix in ("", "-wal", "-shm"):
            Path(kwargs["db"] + suffix).unlink(missing_ok=True)
    args = [sys.executable, str(Path(__file__)), "--stage", name, "--args", json.dumps(kwargs)]
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark: stage {name} {kwargs} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = time.perf_counter() - started
    print(f"  {name:<7} {json.dumps({k: v for k, v in kwargs.items() if k not in ('db', 'out', 'templates_db')})}: "
          f"{result['seconds']:.1f} s, peak {result['peak_rss_mb']:.0f} MB", flush=True)
    return result


def machine() -> dict[str, Any]:
    import spacy

    return {"python": platform.python_version(), "spacy": spacy.__version__, "cpus": os.cpu_count(),
            "platform": platform.platform(), "load_average_at_start": os.getloadavg()}


def measure(work: Path, small: bool, parts: tuple[str, ...] = PARTS) -> dict[str, Any]:
    sizes = SMALL if small else SIZES
    results: dict[str, Any] = {"machine": machine(), "sizes": sizes, "parts": list(parts), "stages": {}}
    stages = results["stages"]
    if "ingest" in parts:
        measure_ingest(work, sizes, stages)
    if "records" in parts:
        templates = work / f"ingest-{sizes['articles'][1]}-2.db"
        if not templates.exists():
            raise SystemExit("benchmark: --only records needs the stored 5,000-article ingest: run with --work DIR "
                             "after a full or ingest run in the same DIR")
        measure_records(work, sizes, stages, str(templates))
    results["ratios"] = ratios(stages, sizes)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    return results


def measure_ingest(work: Path, sizes: dict[str, Any], stages: dict[str, Any]) -> None:
    from corpus import write_corpus

    few, many = sizes["articles"]
    corpora = {}
    for count, seed in ((few, 1), (many, 2)):
        path = work / f"articles-{count}.jsonl"
        docs, words = write_corpus(EXAMPLES, path, count, seed)
        corpora[count] = path
        print(f"corpus: {docs} generated articles, {words} words ({words / docs:.0f} a document)", flush=True)
    print("full ingest against bare spaCy", flush=True)
    for processes in (1, 2):
        stages[f"bare_{few}_{processes}"] = run_stage("bare", corpus=str(corpora[few]), processes=processes)
    for workers in (1, 2):
        stages[f"ingest_{few}_{workers}"] = run_stage("ingest", corpus=str(corpora[few]), workers=workers,
                                                      db=str(work / f"ingest-{few}-{workers}.db"))
    stages[f"bare_{many}_2"] = run_stage("bare", corpus=str(corpora[many]), processes=2)
    stages[f"ingest_{many}_2"] = run_stage("ingest", corpus=str(corpora[many]), workers=2,
                                           db=str(work / f"ingest-{many}-2.db"))


def measure_records(work: Path, sizes: dict[str, Any], stages: dict[str, Any], templates: str) -> None:
    print("store, link and export on generated records (no NLP)", flush=True)
    for count in sizes["records"]:
        db = str(work / f"records-{count}.db")
        stages[f"store_{count}"] = run_stage("store", templates_db=templates, count=count, db=db, seed=3)
        stages[f"link_{count}"] = run_stage("link", db=db)
        stages[f"export_{count}"] = run_stage("export", db=db, out=str(work / f"export-{count}"))
        Path(db).unlink(missing_ok=True)


def ratios(stages: dict[str, Any], sizes: dict[str, Any]) -> dict[str, float]:
    few, many = sizes["articles"]
    small, large = sizes["records"]

    def words_per_s(name: str) -> float:
        return float(stages[name]["words"]) / float(stages[name]["seconds"])

    found = {}
    if f"ingest_{few}_1" in stages:
        found.update({
            "full_vs_bare_1_worker": words_per_s(f"ingest_{few}_1") / words_per_s(f"bare_{few}_1"),
            "full_vs_bare_2_workers": words_per_s(f"ingest_{few}_2") / words_per_s(f"bare_{few}_2"),
            "full_vs_bare_2_workers_large": words_per_s(f"ingest_{many}_2") / words_per_s(f"bare_{many}_2"),
            "two_workers_vs_one": words_per_s(f"ingest_{few}_2") / words_per_s(f"ingest_{few}_1"),
            "peak_rss_large_vs_small":
                stages[f"ingest_{many}_2"]["peak_rss_mb"] / stages[f"ingest_{few}_2"]["peak_rss_mb"],
        })
    if f"link_{large}" in stages:
        found["link_ms_per_doc_large_vs_small"] = (stages[f"link_{large}"]["ms_per_doc"]
                                                   / stages[f"link_{small}"]["ms_per_doc"])
    return found


def verdicts(results: dict[str, Any]) -> dict[str, bool]:
    found = {}
    for name, (sign, target) in TARGETS.items():
        if name not in results["ratios"]:
            continue
        value = results["ratios"][name]
        found[name] = value >= target if sign == ">=" else value <= target
    return found


def markdown(results: dict[str, Any]) -> str:
    stages, sizes = results["stages"], results["sizes"]
    many = sizes["articles"][1]
    lines = ["| stage | documents | seconds | docs/s | words/s | peak RSS MB | store KB/doc |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, stage in stages.items():
        seconds = stage["seconds"]
        words = f"{stage['words'] / seconds:.0f}" if stage.get("words") else "–"
        store = f"{stage['store_bytes_per_doc'] / 1024:.1f}" if stage.get("store_bytes_per_doc") else "–"
        lines.append(f"| {name} | {stage['docs']} | {seconds:.1f} | {stage['docs'] / seconds:.1f} | {words} | "
                     f"{stage['peak_rss_mb']:.0f} | {store} |")
    lines += ["", "| ratio | value | target | met |", "|---|---:|---:|---|"]
    met = verdicts(results)
    for name, value in results["ratios"].items():
        sign, target = TARGETS.get(name, ("", None))
        wanted = f"{sign} {target}" if target else "–"
        verdict = ("yes" if met[name] else "NO") if name in met else "–"
        lines.append(f"| {name} | {value:.2f} | {wanted} | {verdict} |")
    small, large = sizes["records"]
    notes = []
    if f"link_{large}" in stages:
        link_small, link_large = stages[f"link_{small}"], stages[f"link_{large}"]
        export_small, export_large = stages[f"export_{small}"], stages[f"export_{large}"]
        notes.append(f"Link: {link_small['ms_per_doc']:.2f} ms a document at {small}, {link_large['ms_per_doc']:.2f} "
                     f"at {large}. Export (JSON Lines, TSV, Parquet): {export_small['seconds']:.1f} s at {small}, "
                     f"{export_large['seconds']:.1f} s at {large}.")
    if f"ingest_{many}_2" in stages:
        ingest = stages[f"ingest_{many}_2"]
        notes.append(f"Linking took {ingest['link_seconds']:.1f} s of the {ingest['seconds']:.1f} s ingest of {many} "
                     "articles.")
    lines += ["", " ".join(notes)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="a quick pass at a tenth of the sizes")
    parser.add_argument("--out", default=str(HERE / "results"), help="folder for latest.json and latest.md")
    parser.add_argument("--work", help="folder for corpora and stores (default: a temporary one)")
    parser.add_argument("--only", choices=PARTS, help="measure one part: the full ingest against bare spaCy, or "
                        "store, link and export on generated records (needs --work DIR holding an earlier "
                        "run's stores)")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--args", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.stage:
        print(json.dumps(STAGES[options.stage](**json.loads(options.args))))
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        work = Path(options.work or tmp)
        work.mkdir(parents=True, exist_ok=True)
        results = measure(work, options.small, (options.only,) if options.only else PARTS)
    results["seconds"] = time.perf_counter() - started
    results["met"] = verdicts(results)
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    name = ("small" if options.small else "latest") + (f"-{options.only}" if options.only else "")
    (out / f"{name}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    (out / f"{name}.md").write_text(table, encoding="utf-8")
    print()
    print(table)
    print(f"whole run: {results['seconds'] / 60:.1f} min; results in {out / name}.json and .md")


if __name__ == "__main__":
    main()
